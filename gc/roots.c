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

#include <pthread.h>
#include <setjmp.h>

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

/* Scans from this frame, the innermost, up to the base: everything its callers hold, the
 * registers spilled by st_roots_scan_stack included. */
ST_NOINLINE static void scan_from_here(StHeap *h) {
  if (!h->stack_base) h->stack_base = st_roots_thread_stack_top();
  const void *sp = __builtin_frame_address(0);
  ST_ASSERT((uintptr_t)sp < (uintptr_t)h->stack_base,
            "stack base %p is not above the current frame %p (set on another thread?)",
            h->stack_base, sp);
  st_roots_scan_range(h, sp, h->stack_base);
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
