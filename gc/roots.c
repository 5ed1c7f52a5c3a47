/* gc/roots.c: where marking starts. The registered root tracers (precise: the VM register
 * stack, handles, host state), the weak callbacks, and the conservative scan of the native C
 * stack.
 *
 * Conservative scan contract (ARCHITECTURE.md, contract 8): every aligned word between the
 * scanning frame and the stack base is a candidate. It keeps a cell alive if it is
 *   (a) a raw address at or inside a live cell (compilers keep derived, interior pointers), or
 *   (b) a NaN-boxed pointer (tag >= ST_TAG_STRING) whose payload is such an address.
 * Callee-saved registers are spilled into the scanning frames first, so a pointer that lives
 * only in a register of some caller is seen too. A false hit only keeps garbage alive; cells
 * never move, so nothing is ever updated through a conservative root.
 *
 * Tools: the scan reads stack words that AddressSanitizer considers out of any frame (redzones)
 * and that valgrind considers uninitialized (padding, dead slots). The reading function is
 * excluded from ASan instrumentation, and under valgrind each word's copy is declared defined
 * before it is looked at (memcheck.h's client request; a no-op outside valgrind). ASan's
 * detect_stack_use_after_return moves locals off the C stack and must stay off (its default).
 */
#include "gc/gc_internal.h"

#include <alloca.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define ST_GC_HAVE_VALGRIND 1
#endif
#endif

#if defined(__clang__) || defined(__GNUC__)
#define ST_NO_ASAN __attribute__((no_sanitize_address))
#else
#define ST_NO_ASAN
#endif

void st_roots_trace(StHeap *h) {
  for (size_t i = 0; i < h->roots.len; i++) h->roots.data[i].fn(h, h->roots.data[i].ud);
}

void st_roots_run_weak(StHeap *h) {
  for (size_t i = 0; i < h->weaks.len; i++) {
    h->weaks.data[i].fn(h, h->weaks.data[i].ud);
    st_gc_drain(h); /* a callback that keeps an entry alive marks it: trace what it reaches */
  }
}

/* One candidate word. The range filters reject most non-pointers (small integers, doubles,
 * return addresses into the text segment) before any hashing. */
static inline void consider(StHeap *h, uintptr_t w) {
  if (w >= ST_FIRST_POINTER) w &= ST_PAYLOAD_MASK;
  if (w - h->small_lo >= h->small_hi - h->small_lo && w - h->large_lo >= h->large_hi - h->large_lo)
    return;
  StCell *c = st_heap_find_cell(h, w);
  if (c) st_gc_mark_cell(h, c);
}

ST_NO_ASAN void st_roots_scan_range(StHeap *h, const void *start, const void *end) {
  uintptr_t s = ((uintptr_t)start + 7) & ~(uintptr_t)7;
  const uintptr_t *p = (const uintptr_t *)s;
  const uintptr_t *e = (const uintptr_t *)((uintptr_t)end & ~(uintptr_t)7);
#ifdef ST_GC_HAVE_VALGRIND
  if (RUNNING_ON_VALGRIND) {
    for (; p < e; p++) {
      uintptr_t w = *p;
      (void)VALGRIND_MAKE_MEM_DEFINED(&w, sizeof w);
      consider(h, w);
    }
    return;
  }
#endif
  for (; p < e; p++) consider(h, *p);
}

void *st_roots_thread_stack_top(void) {
  pthread_attr_t attr;
  void *addr = NULL;
  size_t size = 0;
  ST_CHECK(pthread_getattr_np(pthread_self(), &attr) == 0, "cannot find the thread's stack");
  pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  return (char *)addr + size;
}

/* ------------------------------------------------------------------------------------------ */
/* The C stack, page by page, with the previous collection's results (StGcStackCache)
 *
 * Why: a deep C stack (recursion through natives, accessors, constructors: each level is a
 * dispatch loop frame) is scanned whole at every collection, and under --gc-stress that is at
 * every allocation: 80-90% of the time of the deep-recursion tests went into these scans.
 * The outer frames of a deep stack rarely change between two collections, so a page whose words
 * are equal to the recorded copy takes its recorded hits (marked again without lookups) and
 * looks up only its recorded misses. That gives exactly the marks a full scan would give:
 * equal words under equal address filters pass the filters alike; a word that hit a cell
 * then hits the same cell now (it was marked, so it survived, and cells do not move); every
 * other word that passes the filters is a recorded miss and is looked up again, so a cell
 * allocated since at an address an old word points to is still found. */

static bool filters_equal(const StHeap *h, const StGcStackCache *sc) {
  return sc->filter[0] == h->small_lo && sc->filter[1] == h->small_hi &&
         sc->filter[2] == h->large_lo && sc->filter[3] == h->large_hi;
}

/* memcmp is the C library's vectorized compare (this runs once per page per collection, and
 * Debug builds do not vectorize a loop); AddressSanitizer would check memcmp's reads of stack
 * redzones, so sanitizer builds compare in an uninstrumented loop. */
#if defined(__SANITIZE_ADDRESS__) || defined(STRATA_SANITIZE)
#define ST_ROOTS_ASAN 1
#elif defined(__has_feature) /* clang (the libFuzzer builds) has a feature test instead */
#if __has_feature(address_sanitizer)
#define ST_ROOTS_ASAN 1
#endif
#endif
#ifdef ST_ROOTS_ASAN
ST_NO_ASAN static bool page_equal(const uintptr_t *a, const uintptr_t *b) {
  uintptr_t diff = 0;
  for (uint32_t i = 0; i < ST_GC_PAGE_WORDS; i++) diff |= a[i] ^ b[i];
  return diff == 0;
}
#else
static bool page_equal(const uintptr_t *a, const uintptr_t *b) {
  return memcmp(a, b, ST_GC_PAGE_WORDS * sizeof *a) == 0;
}
#endif

/* One word of a page being recorded: a hit (marked, listed once per run of equal cells) or a
 * miss (listed by index). */
static inline void record_word(StHeap *h, StGcStackCache *sc, uintptr_t w, uint32_t i,
                               StCell **last) {
  if (w >= ST_FIRST_POINTER) w &= ST_PAYLOAD_MASK;
  if (w - h->small_lo >= h->small_hi - h->small_lo && w - h->large_lo >= h->large_hi - h->large_lo)
    return;
  StCell *c = st_heap_find_cell(h, w);
  if (!c) {
    st_vec_push(&sc->next_misses, (uint16_t)i);
    return;
  }
  st_gc_mark_cell(h, c);
  if (c != *last) {
    st_vec_push(&sc->next_hits, c);
    *last = c;
  }
}

ST_NO_ASAN static void scan_page(StHeap *h, StGcStackCache *sc, const uintptr_t *p,
                                 uintptr_t *copy) {
  StCell *last = NULL;
  for (uint32_t i = 0; i < ST_GC_PAGE_WORDS; i++) {
    uintptr_t w = p[i];
    copy[i] = w;
    record_word(h, sc, w, i, &last);
  }
}

ST_NO_ASAN static void reuse_page(StHeap *h, StGcStackCache *sc, const uintptr_t *p, size_t k) {
  uint32_t h0 = k ? sc->pages.data[k - 1].hits_end : 0, h1 = sc->pages.data[k].hits_end;
  uint32_t m0 = k ? sc->pages.data[k - 1].misses_end : 0, m1 = sc->pages.data[k].misses_end;
  StCell *last = NULL;
  for (uint32_t j = h0; j < h1; j++) {
    StCell *c = sc->hits.data[j];
    st_gc_mark_cell(h, c);
    st_vec_push(&sc->next_hits, c);
    last = c;
  }
  for (uint32_t j = m0; j < m1; j++) {
    uint16_t i = sc->misses.data[j];
    record_word(h, sc, p[i], i, &last);
  }
}

static void scan_pages(StHeap *h, uintptr_t top, uintptr_t base) {
  StGcStackCache *sc = &h->stack_cache;
  size_t npages = (base - top) / (ST_GC_PAGE_WORDS * sizeof(uintptr_t));
  bool reuse = sc->base == base && filters_equal(h, sc);
  size_t valid = reuse ? sc->npages : 0;
  if (npages > sc->copy_pages) {
    sc->copy = st_xrealloc(sc->copy, npages * ST_GC_PAGE_WORDS * sizeof(uintptr_t));
    sc->copy_pages = npages;
  }
  sc->next_pages.len = sc->next_hits.len = sc->next_misses.len = 0;
  for (size_t k = 0; k < npages; k++) {
    const uintptr_t *p = (const uintptr_t *)(base - (k + 1) * ST_GC_PAGE_WORDS * sizeof(uintptr_t));
    uintptr_t *copy = sc->copy + k * ST_GC_PAGE_WORDS;
    if (k < valid && page_equal(p, copy)) reuse_page(h, sc, p, k);
    else scan_page(h, sc, p, copy);
    StGcPageRec rec = {(uint32_t)sc->next_hits.len, (uint32_t)sc->next_misses.len};
    st_vec_push(&sc->next_pages, rec);
  }
  /* The partial page next to the top changes at every collection: plainly. */
  st_roots_scan_range(h, (const void *)top, (const void *)(base - npages * ST_GC_PAGE_WORDS * sizeof(uintptr_t)));
#define ST_GC_SWAP(a, b) do { __typeof__(a) t_ = (a); (a) = (b); (b) = t_; } while (0)
  ST_GC_SWAP(sc->pages, sc->next_pages);
  ST_GC_SWAP(sc->hits, sc->next_hits);
  ST_GC_SWAP(sc->misses, sc->next_misses);
#undef ST_GC_SWAP
  sc->npages = npages;
  sc->base = base;
  sc->filter[0] = h->small_lo;
  sc->filter[1] = h->small_hi;
  sc->filter[2] = h->large_lo;
  sc->filter[3] = h->large_hi;
}

void st_roots_free(StHeap *h) {
  StGcStackCache *sc = &h->stack_cache;
  free(sc->copy);
  st_vec_free(&sc->pages);
  st_vec_free(&sc->next_pages);
  st_vec_free(&sc->hits);
  st_vec_free(&sc->next_hits);
  st_vec_free(&sc->misses);
  st_vec_free(&sc->next_misses);
  memset(sc, 0, sizeof *sc);
}

/* Scans from this frame, the innermost, up to the base: everything its callers hold, the
 * registers spilled by st_roots_scan_stack included. */
ST_NOINLINE static void scan_from_here(StHeap *h) {
  if (!h->stack_base) h->stack_base = st_roots_thread_stack_top();
  const void *sp = __builtin_frame_address(0);
  ST_ASSERT((uintptr_t)sp < (uintptr_t)h->stack_base,
            "stack base %p is not above the current frame %p (set on another thread?)",
            h->stack_base, sp);
#ifdef ST_GC_HAVE_VALGRIND
  /* Under valgrind the words are made defined one by one (st_roots_scan_range): no cache. */
  if (RUNNING_ON_VALGRIND) {
    st_roots_scan_range(h, sp, h->stack_base);
    return;
  }
#endif
  uintptr_t top = ((uintptr_t)sp + 7) & ~(uintptr_t)7;
  scan_pages(h, top, (uintptr_t)h->stack_base & ~(uintptr_t)7);
}

/* __builtin_unwind_init makes this function save every callee-saved register in its frame,
 * and setjmp copies them into `regs` as well (belt and braces: glibc mangles some jmp_buf
 * slots, the prologue's saves are plain). Both lie above scan_from_here's frame. */
ST_NOINLINE void st_roots_scan_stack(StHeap *h) {
  jmp_buf regs;
  __builtin_unwind_init();
  if (setjmp(regs) == 0) scan_from_here(h);
  /* Keeps `regs` live across the call and the call from becoming a tail call (which would
   * pop this frame and its saved registers before the scan). */
  __asm__ volatile("" : : "r"(&regs) : "memory");
}

/* The buffer lies right below this frame, where the frames of the caller's earlier callees
 * were (the interpreter's dispatch loop among them). It is written from the top down, the
 * order in which the stack grows, with volatile stores that the compiler cannot drop. */
ST_NOINLINE void st_gc_scrub_stack(StHeap *h, uintptr_t floor) {
  (void)h;
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  size_t n = ST_GC_SCRUB_BYTES;
  /* Keep a page of room below the buffer for this function's own calls (none) and signals. */
  if (floor && (sp <= floor + 4096 || sp - floor - 4096 < n)) n = sp > floor + 4096 ? sp - floor - 4096 : 0;
  n &= ~(size_t)7;
  if (!n) return;
  volatile uintptr_t *buf = alloca(n);
  for (size_t i = n / sizeof *buf; i-- > 0;) buf[i] = 0;
}
