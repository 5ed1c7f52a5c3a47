/* support/flags.c: parsing and printing the ST_FLAGS table. */
#include "support/flags.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void st_flags_init(StFlags *f) {
#define INIT_BOOL(field, def) f->field = def;
#define INIT_INT(field, def) f->field = def;
#define INIT_SIZE(field, def) f->field = def;
#define INIT_STR(field, def) f->field = def;
#define INIT_OPT(field, def) f->field = NULL; /* def is the bare flag's value */
#define INIT(type, field, name, def, help) INIT_##type(field, def)
  ST_FLAGS(INIT)
#undef INIT
}

static bool parse_int(const char *s, int64_t *out) {
  if (!*s) return false;
  errno = 0;
  char *end;
  long long v = strtoll(s, &end, 10);
  if (errno || *end) return false;
  *out = v;
  return true;
}

static bool parse_size(const char *s, uint64_t *out) {
  if (!*s || *s == '-') return false;
  errno = 0;
  char *end;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s) return false;
  uint64_t mul = 1;
  switch (*end) {
  case 0: break;
  case 'k': case 'K': mul = 1024ull; end++; break;
  case 'm': case 'M': mul = 1024ull * 1024; end++; break;
  case 'g': case 'G': mul = 1024ull * 1024 * 1024; end++; break;
  default: return false;
  }
  if (*end == 'b' || *end == 'B') end++;
  if (*end) return false;
  if (v > UINT64_MAX / mul) return false;
  *out = v * mul;
  return true;
}

/* Per-type parsing of a value into a field: one macro per flag type, so every assignment has
 * the field's own type (no punning). */
#define SET_BOOL(field, name) \
  if (!val) f->field = true; \
  else if (!strcmp(val, "true") || !strcmp(val, "1")) f->field = true; \
  else if (!strcmp(val, "false") || !strcmp(val, "0")) f->field = false; \
  else { snprintf(err, errlen, "--%s takes no value (or true/false), got '%s'", name, val); return ST_FLAG_BAD_VALUE; }
#define SET_INT(field, name) \
  if (!val) { snprintf(err, errlen, "--%s needs a value: --%s=N", name, name); return ST_FLAG_BAD_VALUE; } \
  if (!parse_int(val, &f->field)) { snprintf(err, errlen, "--%s wants an integer, got '%s'", name, val); return ST_FLAG_BAD_VALUE; }
#define SET_SIZE(field, name) \
  if (!val) { snprintf(err, errlen, "--%s needs a value: --%s=SIZE", name, name); return ST_FLAG_BAD_VALUE; } \
  if (!parse_size(val, &f->field)) { snprintf(err, errlen, "--%s wants a size such as 512K, 64M or 2G, got '%s'", name, val); return ST_FLAG_BAD_VALUE; }
#define SET_STR(field, name) \
  if (!val) { snprintf(err, errlen, "--%s needs a value: --%s=VALUE", name, name); return ST_FLAG_BAD_VALUE; } \
  f->field = val;
#define SET_OPT(field, name, def) f->field = val ? val : def;
#define NEGATE_BOOL(field) f->field = false; return ST_FLAG_OK;
#define NEGATE_INT(field)
#define NEGATE_SIZE(field)
#define NEGATE_STR(field)
#define NEGATE_OPT(field) f->field = NULL; return ST_FLAG_OK;
#define SET_BOOL3(field, name, def) SET_BOOL(field, name)
#define SET_INT3(field, name, def) SET_INT(field, name)
#define SET_SIZE3(field, name, def) SET_SIZE(field, name)
#define SET_STR3(field, name, def) SET_STR(field, name)
#define SET_OPT3(field, name, def) SET_OPT(field, name, def)

StFlagParse st_flags_parse(StFlags *f, const char *arg, char *err, size_t errlen) {
  if (strncmp(arg, "--", 2) != 0) return ST_FLAG_UNKNOWN;
  const char *body = arg + 2;
  const char *eq = strchr(body, '=');
  size_t nlen = eq ? (size_t)(eq - body) : strlen(body);
  const char *val = eq ? eq + 1 : NULL;
  bool negated = !eq && strncmp(body, "no-", 3) == 0;

#define TRY(type, field, name, def, help) \
  if (nlen == strlen(name) && strncmp(body, name, nlen) == 0) { \
    SET_##type##3(field, name, def) \
    return ST_FLAG_OK; \
  } \
  if (negated && strcmp(body + 3, name) == 0) { NEGATE_##type(field) }
  ST_FLAGS(TRY)
#undef TRY
  return ST_FLAG_UNKNOWN;
}

void st_flags_print_help(FILE *out) {
#define HELP(type, field, name, def, help) \
  { \
    char lhs[64]; \
    StFlagType t = ST_FLAG_##type; \
    snprintf(lhs, sizeof lhs, "--%s%s", name, \
             t == ST_FLAG_BOOL ? "" : t == ST_FLAG_INT ? "=N" : t == ST_FLAG_SIZE ? "=SIZE" : \
             t == ST_FLAG_OPT ? "[=VALUE]" : "=VALUE"); \
    fprintf(out, "  %-28s %s\n", lhs, help); \
  }
  ST_FLAGS(HELP)
#undef HELP
}

static void json_str(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
    else if (c < 0x20) fprintf(out, "\\u%04x", c);
    else fputc(c, out);
  }
  fputc('"', out);
}

#define JSON_BOOL(field) fputs(f->field ? "true" : "false", out);
#define JSON_INT(field) fprintf(out, "%lld", (long long)f->field);
#define JSON_SIZE(field) fprintf(out, "%llu", (unsigned long long)f->field);
#define JSON_OPT(field) JSON_STR(field)
#define JSON_STR(field) \
  if (f->field) json_str(out, f->field); \
  else fputs("null", out);

void st_flags_print_json(FILE *out, const StFlags *f) {
  const char *sep = "";
  fputc('{', out);
#define JSON(type, field, name, def, help) \
  fprintf(out, "%s\"%s\": ", sep, name); \
  sep = ", "; \
  JSON_##type(field)
  ST_FLAGS(JSON)
#undef JSON
  fputc('}', out);
}
