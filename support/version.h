/* support/version.h: Strata's version, reported by --version and in --stats. */
#ifndef ST_SUPPORT_VERSION_H
#define ST_SUPPORT_VERSION_H

#define STRATA_VERSION "0.1.0"

#endif
