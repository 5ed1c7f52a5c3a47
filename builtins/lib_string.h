/* builtins/lib_string.h: what the String library files share: lib_string.c (String and
 * String.prototype), lib_string_case.c (Unicode case mapping) and lib_string_norm.c (Unicode
 * normalization).
 *
 * Strings passed in are flat (st_string_flatten) and are not modified; results are new
 * strings, or the argument itself when nothing changes (unobservable: strings are values).
 */
#ifndef ST_BUILTINS_LIB_STRING_H
#define ST_BUILTINS_LIB_STRING_H

#include "builtins/builtins.h"

/* toUpperCase (upper) / toLowerCase of a flat string: the full Unicode mappings (one code point
 * may become up to three: "ß" -> "SS"), and the Final_Sigma rule for "Σ". NULL with a pending
 * exception on OOM or when the result is too long. */
StString *st_lib_string_case_convert(StVM *vm, StString *flat, bool upper);

/* The lower-case mapping of one code point (up to three code points into out; the count). */
int st_lib_string_case_fold(uint32_t c, uint32_t out[3]);
/* Whether c is a letter (general category L*). */
bool st_lib_string_case_is_letter(uint32_t c);

/* The Unicode normalization forms of String.prototype.normalize. */
typedef enum StNormForm { ST_NORM_NFC, ST_NORM_NFD, ST_NORM_NFKC, ST_NORM_NFKD } StNormForm;

/* normalize(form) of a flat string. NULL with a pending exception on OOM. */
StString *st_lib_string_norm_convert(StVM *vm, StString *flat, StNormForm form);

/* The first code point of c's full canonical decomposition (its base letter: "é" -> "e"), or
 * c when it has none. */
uint32_t st_lib_string_norm_base(uint32_t c);
/* The canonical combining class of c (0 for starters). */
uint32_t st_lib_string_norm_ccc(uint32_t c);

#endif
