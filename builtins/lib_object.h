/* builtins/lib_object.h: the object abstract operations of lib_object.c that other library
 * files use. */
#ifndef ST_BUILTINS_LIB_OBJECT_H
#define ST_BUILTINS_LIB_OBJECT_H

#include "builtins/builtins.h"

/* GetPrototypeFromConstructor(new_target, fallback): `new_target.prototype` when it is an
 * object, else fallback (also when new_target is undefined: a plain call). NULL on a throw. */
StObject *st_lib_object_proto_from_ctor(StVM *vm, StValue new_target, StObject *fallback);
/* ToPropertyDescriptor(v) (TypeError for a non-object or a mixed descriptor). */
ST_MUST_CHECK bool st_lib_object_to_desc(StVM *vm, StValue v, StPropDesc *out);
/* FromPropertyDescriptor(d): a new object. ST_EXCEPTION on OOM. */
ST_MUST_CHECK StValue st_lib_object_from_desc(StVM *vm, const StPropDesc *d);

#endif
