/* tests/unit/check.h: a tiny unit-test harness (in the spirit of Lua's ltests and Redis'
 * test_cond). Each test file
 * writes `static void test_xxx(void)` functions and a main that calls ST_RUN(test_xxx) for each,
 * then returns st_check_report().
 *
 *   static void test_push(void) { ... ST_EXPECT(v.len == 1); ST_EXPECT_EQ_INT(v.data[0], 42); }
 *   int main(void) { ST_RUN(test_push); return st_check_report(); }
 *
 * A failed expectation prints file:line and the expression, marks the test failed and goes on.
 * The last line printed is "N passed, N failed" (the form the README's test command reports).
 */
#ifndef ST_TESTS_CHECK_H
#define ST_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int st_check_failed_now;
static int st_check_passed, st_check_failed;

#define ST_EXPECT(c) \
  do { \
    if (!(c)) { \
      printf("  FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); \
      st_check_failed_now = 1; \
    } \
  } while (0)

#define ST_EXPECT_EQ_INT(a, b) \
  do { \
    long long _a = (long long)(a), _b = (long long)(b); \
    if (_a != _b) { \
      printf("  FAIL %s:%d: %s == %s (%lld vs %lld)\n", __FILE__, __LINE__, #a, #b, _a, _b); \
      st_check_failed_now = 1; \
    } \
  } while (0)

#define ST_EXPECT_EQ_STR(a, b) \
  do { \
    const char *_a = (a), *_b = (b); \
    if (!_a || !_b || strcmp(_a, _b) != 0) { \
      printf("  FAIL %s:%d: %s == %s\n    got:      \"%s\"\n    expected: \"%s\"\n", __FILE__, \
             __LINE__, #a, #b, _a ? _a : "(null)", _b ? _b : "(null)"); \
      st_check_failed_now = 1; \
    } \
  } while (0)

#define ST_RUN(fn) \
  do { \
    st_check_failed_now = 0; \
    fn(); \
    if (st_check_failed_now) { \
      printf("FAIL %s\n", #fn); \
      st_check_failed++; \
    } else { \
      st_check_passed++; \
    } \
  } while (0)

static inline int st_check_report(void) {
  printf("%d passed, %d failed\n", st_check_passed, st_check_failed);
  return st_check_failed ? 1 : 0;
}

#endif
