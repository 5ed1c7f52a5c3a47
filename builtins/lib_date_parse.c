/* builtins/lib_date_parse.c: Date.parse. What it accepts is V8's observable behaviour, so
 * that programs parse the same strings to the same times as under node:
 *
 *   1. the Date Time String Format of ECMA-262 21.4.1.32 ("2026-11-23", "2026-11-23T10:00Z",
 *      "+275760-09-13T00:00:00.000Z"; V8 also takes any number of fraction digits, "t"/"z" in
 *      lower case and "+hhmm" offsets). Date-only forms are UTC, date-times without an
 *      offset are local time. Anything after a complete date-time is an error;
 *   2. otherwise the legacy format, continuing with what step 1 has read: numbers separated
 *      by anything, where "n:" starts a time, month names (any word starting with jan..dec),
 *      AM/PM, zone names (UT, UTC, GMT, Z, EST/EDT, CST/CDT, MST/MDT, PST/PDT), "+hhmm" or
 *      "+hh:mm" offsets after a time or a zone name, and parenthesized comments. Words before
 *      the first number are skipped ("Tue", "Tuesday,"); any other word after it is an error.
 *      Up to three date numbers are read as M/D/Y (or Y/M/D when the first cannot be a day);
 *      with a month name as D Y or Y D. Missing parts default to January, the 1st, 2001 and
 *      midnight; years 0..49 mean 20xx and 50..99 mean 19xx.
 *
 * This covers what toString, toUTCString and toISOString print (for years 0..9999 and, for
 * toISOString, all years) and the usual "Nov 23, 2026 10:00:00", "11/23/2026 10:00 PM" forms.
 *
 * The scanner turns the string into tokens: numbers (a run of digits: value and length),
 * the symbols : - + . ), words (a run of characters from 'A' up that are not white space,
 * looked up as keywords by their first three letters), white space runs, and unknown tokens
 * (any other character, or a balanced parenthesized comment).
 */
#include "builtins/lib_date.h"

#include <math.h>
#include <string.h>

/* Largest number value a token keeps: larger values only need to stay out of every range. */
#define NUMBER_CAP 1000000000

typedef enum TokKind { TK_END, TK_NUMBER, TK_SYMBOL, TK_WORD, TK_SPACE, TK_UNKNOWN } TokKind;
typedef enum KwType { KW_NONE, KW_MONTH, KW_AMPM, KW_ZONE, KW_T } KwType;

typedef struct Token {
  TokKind kind;
  int value;       /* number: its value (capped); symbol: the character; keyword: its value */
  int length;      /* number: digits; word: characters */
  uint32_t start;  /* number: where its digits start (for fractions) */
  KwType kw;       /* words */
} Token;

typedef struct Scanner {
  const StString *s;
  uint32_t pos, len;
  Token ahead; /* the next token (one-token lookahead) */
} Scanner;

/* --- Characters and keywords --- */

static bool is_space(uint16_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
         c == 0x205f || c == 0x3000 || c == 0xfeff;
}

static bool is_digit(uint16_t c) { return c >= '0' && c <= '9'; }

/* X(text, type, value): the zone names' values are their offsets in hours. */
#define DATE_KEYWORDS(X) \
  X("jan", KW_MONTH, 1) X("feb", KW_MONTH, 2) X("mar", KW_MONTH, 3) X("apr", KW_MONTH, 4) \
  X("may", KW_MONTH, 5) X("jun", KW_MONTH, 6) X("jul", KW_MONTH, 7) X("aug", KW_MONTH, 8) \
  X("sep", KW_MONTH, 9) X("oct", KW_MONTH, 10) X("nov", KW_MONTH, 11) X("dec", KW_MONTH, 12) \
  X("am", KW_AMPM, 0) X("pm", KW_AMPM, 12) \
  X("ut", KW_ZONE, 0) X("utc", KW_ZONE, 0) X("z", KW_ZONE, 0) X("gmt", KW_ZONE, 0) \
  X("cdt", KW_ZONE, -5) X("cst", KW_ZONE, -6) X("edt", KW_ZONE, -4) X("est", KW_ZONE, -5) \
  X("mdt", KW_ZONE, -6) X("mst", KW_ZONE, -7) X("pdt", KW_ZONE, -7) X("pst", KW_ZONE, -8) \
  X("t", KW_T, 0)

static const struct {
  const char *text;
  KwType type;
  int value;
} keywords[] = {
#define KEYWORD_ENTRY(text, type, value) {text, type, value},
    DATE_KEYWORDS(KEYWORD_ENTRY)
#undef KEYWORD_ENTRY
};

/* A word is a keyword when its first three letters (all of it, if shorter) spell one; only
 * month names may be longer than their keyword ("November", not "GMTX"). */
static void lookup_keyword(Token *t, const char prefix[4]) {
  t->kw = KW_NONE;
  for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
    if (strcmp(prefix, keywords[i].text) != 0) continue;
    if (t->length > 3 && keywords[i].type != KW_MONTH) return;
    t->kw = keywords[i].type;
    t->value = keywords[i].value;
    return;
  }
}

/* --- The scanner --- */

static uint16_t char_at(const Scanner *sc, uint32_t i) {
  return i < sc->len ? st_string_unit_at(sc->s, i) : 0;
}

static Token scan(Scanner *sc) {
  Token t = {TK_END, 0, 0, sc->pos, KW_NONE};
  if (sc->pos >= sc->len) return t;
  uint16_t c = char_at(sc, sc->pos);
  if (is_digit(c)) {
    t.kind = TK_NUMBER;
    while (sc->pos < sc->len && is_digit(c = char_at(sc, sc->pos))) {
      if (t.value < NUMBER_CAP) t.value = t.value * 10 + (c - '0');
      t.length++;
      sc->pos++;
    }
    return t;
  }
  if (c == ':' || c == '-' || c == '+' || c == '.' || c == ')') {
    t.kind = TK_SYMBOL;
    t.value = c;
    sc->pos++;
    return t;
  }
  if (c >= 'A' && !is_space(c)) {
    char prefix[4] = {0};
    t.kind = TK_WORD;
    while (sc->pos < sc->len && (c = char_at(sc, sc->pos)) >= 'A' && !is_space(c)) {
      if (t.length < 3) /* lower case; other characters can match no keyword */
        prefix[t.length] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c < 128 ? (char)c : '?';
      t.length++;
      sc->pos++;
    }
    lookup_keyword(&t, prefix);
    return t;
  }
  if (is_space(c)) {
    t.kind = TK_SPACE;
    while (sc->pos < sc->len && is_space(char_at(sc, sc->pos))) sc->pos++;
    return t;
  }
  t.kind = TK_UNKNOWN;
  if (c == '(') { /* a comment: skip to the matching ')' */
    int depth = 0;
    do {
      c = char_at(sc, sc->pos);
      if (c == '(') depth++;
      else if (c == ')') depth--;
      sc->pos++;
    } while (depth > 0 && sc->pos < sc->len);
    return t;
  }
  sc->pos++;
  return t;
}

static Token next(Scanner *sc) {
  Token t = sc->ahead;
  sc->ahead = scan(sc);
  return t;
}

static const Token *peek(const Scanner *sc) { return &sc->ahead; }

static bool peek_symbol(const Scanner *sc, int c) {
  return sc->ahead.kind == TK_SYMBOL && sc->ahead.value == c;
}

static bool skip_symbol(Scanner *sc, int c) {
  if (!peek_symbol(sc, c)) return false;
  next(sc);
  return true;
}

static bool peek_number_of_length(const Scanner *sc, int length) {
  return sc->ahead.kind == TK_NUMBER && sc->ahead.length == length;
}

static bool is_sign(const Token *t) {
  return t->kind == TK_SYMBOL && (t->value == '+' || t->value == '-');
}

static bool is_keyword_z(const Token *t) {
  return t->kind == TK_WORD && t->kw == KW_ZONE && t->length == 1;
}

/* The milliseconds a fraction's digits stand for: the first three, padded with zeros. */
static int fraction_ms(const Scanner *sc, const Token *t) {
  int ms = 0;
  for (int i = 0; i < 3; i++)
    ms = ms * 10 + (i < t->length ? char_at(sc, t->start + (uint32_t)i) - '0' : 0);
  return ms;
}

/* --- What has been read --- */

enum { NONE = -1 };

typedef struct Parsed {
  int day[3], nday;    /* date numbers in the order read */
  int named_month;     /* 1..12 or NONE */
  bool iso;            /* read by the ISO parser: Y-M-D, no two-digit years */
  int time[4], ntime;  /* hour, minute, second, ms */
  int hour_offset;     /* 0 (AM), 12 (PM) or NONE */
  int tz_sign;         /* +1/-1, or 0: no zone (local time) */
  int tz_hour, tz_min; /* NONE when not given */
} Parsed;

static bool in_range(int v, int lo, int hi) { return v >= lo && v <= hi; }
static bool is_month(int v) { return in_range(v, 1, 12); }
static bool is_day(int v) { return in_range(v, 1, 31); }
static bool is_hour(int v) { return in_range(v, 0, 23); }
static bool is_minute(int v) { return in_range(v, 0, 59); }
static bool is_ms(int v) { return in_range(v, 0, 999); }

static bool add_day(Parsed *p, int n) {
  if (p->nday >= 3) return false;
  p->day[p->nday++] = n;
  return true;
}

static bool add_time(Parsed *p, int n) {
  if (p->ntime >= 4) return false;
  p->time[p->ntime++] = n;
  return true;
}

/* The last time component: the ones after it are zero. */
static bool add_time_final(Parsed *p, int n) {
  if (!add_time(p, n)) return false;
  while (p->ntime < 4) p->time[p->ntime++] = 0;
  return true;
}

/* Whether n can be the next time component: minutes after "h:", seconds, then ms. */
static bool time_expects(const Parsed *p, int n) {
  return (p->ntime == 1 && is_minute(n)) || (p->ntime == 2 && is_minute(n)) ||
         (p->ntime == 3 && is_ms(n));
}

static void set_zone(Parsed *p, int hours) {
  p->tz_sign = hours < 0 ? -1 : 1;
  p->tz_hour = hours < 0 ? -hours : hours;
  p->tz_min = 0;
}

static bool zone_is_utc(const Parsed *p) {
  return p->tz_sign != 0 && p->tz_hour == 0 && p->tz_min == 0;
}

/* --- Step 1: the ISO format --- */

typedef enum IsoResult { ISO_DONE, ISO_INVALID, ISO_FALLBACK } IsoResult;

/* Reads as much of the ISO format as is there. ISO_FALLBACK hands the legacy parser the
 * token where the format stopped (*resume) with the date numbers read so far. */
static IsoResult parse_iso(Scanner *sc, Parsed *p, Token *resume) {
  /* Date: YYYY or +-YYYYYY (not -000000), then -MM, then -DD. */
  if (is_sign(peek(sc))) {
    Token sign = next(sc);
    *resume = sign;
    if (!peek_number_of_length(sc, 6)) return ISO_FALLBACK;
    int year = next(sc).value;
    if (sign.value == '-' && year == 0) return ISO_FALLBACK;
    add_day(p, sign.value == '-' ? -year : year);
  } else if (peek_number_of_length(sc, 4)) {
    add_day(p, next(sc).value);
  } else {
    *resume = next(sc);
    return ISO_FALLBACK;
  }
  if (skip_symbol(sc, '-')) {
    if (!peek_number_of_length(sc, 2) || !is_month(peek(sc)->value)) {
      *resume = next(sc);
      return ISO_FALLBACK;
    }
    add_day(p, next(sc).value);
    if (skip_symbol(sc, '-')) {
      if (!peek_number_of_length(sc, 2) || !is_day(peek(sc)->value)) {
        *resume = next(sc);
        return ISO_FALLBACK;
      }
      add_day(p, next(sc).value);
    }
  }
  if (!(peek(sc)->kind == TK_WORD && peek(sc)->kw == KW_T)) {
    if (peek(sc)->kind != TK_END) {
      *resume = next(sc);
      return ISO_FALLBACK;
    }
  } else {
    /* Time: THH:mm[:ss[.s+]], then Z or +-hh:mm or +-hhmm, then the end. 24:00 only as
     * midnight at the end of the day. */
    next(sc);
    if (!peek_number_of_length(sc, 2) || !in_range(peek(sc)->value, 0, 24)) return ISO_INVALID;
    bool hour24 = peek(sc)->value == 24;
    add_time(p, next(sc).value);
    if (!skip_symbol(sc, ':')) return ISO_INVALID;
    if (!peek_number_of_length(sc, 2) || !is_minute(peek(sc)->value) ||
        (hour24 && peek(sc)->value > 0))
      return ISO_INVALID;
    add_time(p, next(sc).value);
    if (skip_symbol(sc, ':')) {
      if (!peek_number_of_length(sc, 2) || !is_minute(peek(sc)->value) ||
          (hour24 && peek(sc)->value > 0))
        return ISO_INVALID;
      add_time(p, next(sc).value);
      if (skip_symbol(sc, '.')) {
        if (peek(sc)->kind != TK_NUMBER || (hour24 && peek(sc)->value > 0)) return ISO_INVALID;
        Token frac = next(sc);
        add_time(p, fraction_ms(sc, &frac));
      }
    }
    if (is_keyword_z(peek(sc))) {
      next(sc);
      set_zone(p, 0);
    } else if (is_sign(peek(sc))) {
      p->tz_sign = next(sc).value == '+' ? 1 : -1;
      if (peek_number_of_length(sc, 4)) {
        int hhmm = next(sc).value;
        if (!is_hour(hhmm / 100) || !is_minute(hhmm % 100)) return ISO_INVALID;
        p->tz_hour = hhmm / 100;
        p->tz_min = hhmm % 100;
      } else {
        if (!peek_number_of_length(sc, 2) || !is_hour(peek(sc)->value)) return ISO_INVALID;
        p->tz_hour = next(sc).value;
        if (!skip_symbol(sc, ':')) return ISO_INVALID;
        if (!peek_number_of_length(sc, 2) || !is_minute(peek(sc)->value)) return ISO_INVALID;
        p->tz_min = next(sc).value;
      }
    }
    if (peek(sc)->kind != TK_END) return ISO_INVALID;
  }
  /* Date-only forms are UTC; date-times without an offset are local. */
  if (p->tz_sign == 0 && p->ntime == 0) set_zone(p, 0);
  p->iso = true;
  return ISO_DONE;
}

/* --- Step 2: the legacy format --- */

static bool parse_legacy(Scanner *sc, Parsed *p, Token tok) {
  bool has_number = p->nday > 0;
  for (; tok.kind != TK_END; tok = next(sc)) {
    if (tok.kind == TK_NUMBER) {
      has_number = true;
      int n = tok.value;
      if (skip_symbol(sc, ':')) {
        if (skip_symbol(sc, ':')) { /* "n::": n hours, 0 minutes */
          if (p->ntime != 0) return false;
          add_time(p, n);
          add_time(p, 0);
        } else {
          if (!add_time(p, n)) return false;
          if (peek_symbol(sc, '.')) next(sc);
        }
      } else if (skip_symbol(sc, '.') && time_expects(p, n)) {
        add_time(p, n);
        if (peek(sc)->kind != TK_NUMBER) return false;
        Token frac = next(sc);
        add_time_final(p, fraction_ms(sc, &frac));
      } else if (p->tz_hour != NONE && p->tz_min == NONE && is_minute(n)) {
        p->tz_min = n; /* the minutes of "+hh:mm" */
      } else if (time_expects(p, n)) {
        add_time_final(p, n);
        /* A time must end at the end, white space, Z or an offset sign. */
        const Token *a = peek(sc);
        if (a->kind != TK_END && a->kind != TK_SPACE && !is_keyword_z(a) && !is_sign(a))
          return false;
      } else {
        if (!add_day(p, n)) return false;
        skip_symbol(sc, '-');
      }
    } else if (tok.kind == TK_WORD && tok.kw != KW_NONE &&
               (tok.kw == KW_MONTH || (tok.kw == KW_AMPM && p->ntime > 0) ||
                (tok.kw == KW_ZONE && has_number))) {
      if (tok.kw == KW_AMPM) {
        p->hour_offset = tok.value;
      } else if (tok.kw == KW_MONTH) {
        p->named_month = tok.value;
        skip_symbol(sc, '-');
      } else {
        set_zone(p, tok.value);
      }
    } else if (tok.kind == TK_WORD) {
      /* Other words: skipped before the first number (when not glued to it), else errors. */
      if (has_number || peek(sc)->kind == TK_NUMBER) return false;
    } else if (is_sign(&tok) && (zone_is_utc(p) || p->ntime > 0)) {
      /* An offset after a time or a zone name: +h, +hh, +hmm, +hhmm or +hh:mm. */
      p->tz_sign = tok.value == '+' ? 1 : -1;
      int n = 0, length = 0;
      if (peek(sc)->kind == TK_NUMBER) {
        Token num = next(sc);
        n = num.value;
        length = num.length;
      }
      has_number = true;
      if (peek_symbol(sc, ':')) {
        p->tz_hour = n;
        p->tz_min = NONE;
      } else if (length == 1 || length == 2) {
        p->tz_hour = n;
        p->tz_min = 0;
      } else if (length == 3 || length == 4) {
        p->tz_hour = n / 100;
        p->tz_min = n % 100;
      } else {
        return false;
      }
    } else if ((is_sign(&tok) || (tok.kind == TK_SYMBOL && tok.value == ')')) && has_number) {
      return false;
    }
    /* Anything else (white space, other symbols, comments) separates. */
  }
  return true;
}

/* --- Putting the parts together --- */

/* Year, month (1..12) and day from the date numbers. false if they make no date. */
static bool compose_day(Parsed *p, int *year, int *month, int *day) {
  if (p->nday < 1) return false;
  while (p->nday < 3) p->day[p->nday++] = 1;
  int *c = p->day;
  if (p->named_month == NONE) {
    if (p->iso || !is_day(c[0])) { /* Y M D */
      *year = c[0];
      *month = c[1];
      *day = c[2];
    } else { /* M D Y */
      *month = c[0];
      *day = c[1];
      *year = c[2];
    }
  } else {
    *month = p->named_month;
    if (!is_day(c[0])) { /* Y D */
      *year = c[0];
      *day = c[1];
    } else { /* D Y */
      *day = c[0];
      *year = c[1];
    }
  }
  if (!p->iso) {
    if (in_range(*year, 0, 49)) *year += 2000;
    else if (in_range(*year, 50, 99)) *year += 1900;
  }
  return is_month(*month) && is_day(*day);
}

/* Hour, minute, second, ms. false if out of range. */
static bool compose_time(Parsed *p, int out[4]) {
  while (p->ntime < 4) p->time[p->ntime++] = 0;
  int h = p->time[0];
  if (p->hour_offset != NONE) {
    if (!in_range(h, 0, 12)) return false;
    h = h % 12 + p->hour_offset;
  }
  out[0] = h;
  out[1] = p->time[1];
  out[2] = p->time[2];
  out[3] = p->time[3];
  if (!is_hour(h) || !is_minute(out[1]) || !is_minute(out[2]) || !is_ms(out[3]))
    return h == 24 && out[1] == 0 && out[2] == 0 && out[3] == 0;
  return true;
}

double st_lib_date_parse_string(const StString *flat) {
  Scanner sc = {flat, 0, st_string_length(flat), {TK_END, 0, 0, 0, KW_NONE}};
  sc.ahead = scan(&sc);
  Parsed p = {{0}, 0, NONE, false, {0}, 0, NONE, 0, NONE, NONE};
  Token resume;
  IsoResult r = parse_iso(&sc, &p, &resume);
  if (r == ISO_INVALID) return NAN;
  if (r == ISO_FALLBACK && !parse_legacy(&sc, &p, resume)) return NAN;
  int year, month, day, t[4];
  if (!compose_day(&p, &year, &month, &day) || !compose_time(&p, t)) return NAN;
  double date = st_lib_date_make_date(st_lib_date_make_day(year, month - 1, day),
                                      st_lib_date_make_time(t[0], t[1], t[2], t[3]));
  if (p.tz_sign == 0) {
    date = st_lib_date_utc(date);
  } else {
    int h = p.tz_hour == NONE ? 0 : p.tz_hour, m = p.tz_min == NONE ? 0 : p.tz_min;
    date -= p.tz_sign * (h * 3600000.0 + m * 60000.0);
  }
  return st_lib_date_time_clip(date);
}
