/* support/common.h: the few macros every file may use.
 *
 * ST_ASSERT states an invariant; it aborts with file, line and a message when the invariant
 * is broken. It is compiled in when STRATA_ASSERT is defined (Debug and CI builds) and costs
 * nothing otherwise. ST_CHECK is the same but always on: use it where a broken invariant would
 * otherwise corrupt memory silently and the check is off the hot path.
 */
#ifndef ST_SUPPORT_COMMON_H
#define ST_SUPPORT_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define ST_LIKELY(x) __builtin_expect(!!(x), 1)
#define ST_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define ST_MUST_CHECK __attribute__((warn_unused_result))
#define ST_NORETURN __attribute__((noreturn))
#define ST_NOINLINE __attribute__((noinline))
#define ST_INLINE static inline __attribute__((always_inline))
#define ST_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ST_UNUSED __attribute__((unused))
#define ST_COLD __attribute__((cold))
#else
#define ST_LIKELY(x) (x)
#define ST_UNLIKELY(x) (x)
#define ST_MUST_CHECK
#define ST_NORETURN
#define ST_NOINLINE
#define ST_INLINE static inline
#define ST_PRINTF(f, a)
#define ST_UNUSED
#define ST_COLD
#endif

#define ST_STATIC_ASSERT(c, msg) _Static_assert(c, msg)
#define ST_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

ST_NORETURN ST_COLD void st_common_fail(const char *file, int line, const char *cond,
                                        const char *fmt, ...) ST_PRINTF(4, 5);

#define ST_CHECK(c, ...) \
  do { \
    if (ST_UNLIKELY(!(c))) st_common_fail(__FILE__, __LINE__, #c, __VA_ARGS__); \
  } while (0)

#ifdef STRATA_ASSERT
#define ST_ASSERT(c, ...) ST_CHECK(c, __VA_ARGS__)
#else
#define ST_ASSERT(c, ...) ((void)0)
#endif

#define ST_UNREACHABLE() st_common_fail(__FILE__, __LINE__, "unreachable", "reached")

/* Out-of-memory from malloc and friends is not recoverable at this level; these abort with a
 * clear message. (The JS heap limit is separate: see gc/gc.h, it raises a RangeError.) */
void *st_common_xmalloc(size_t n);
void *st_common_xcalloc(size_t count, size_t size);
void *st_common_xrealloc(void *p, size_t n);
char *st_common_xstrdup(const char *s);

#define st_xmalloc st_common_xmalloc
#define st_xcalloc st_common_xcalloc
#define st_xrealloc st_common_xrealloc
#define st_xstrdup st_common_xstrdup

/* Monotonic clock in nanoseconds. */
uint64_t st_common_now_ns(void);

#endif
