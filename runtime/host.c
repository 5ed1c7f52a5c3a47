/* runtime/host.c: the host around the engine, as node is the runtime around V8: print (d8
 * style), console, performance.now, process, CommonJS require with module caching, and the
 * $262 object test262 expects.
 */
#include "runtime/host.h"

#include "builtins/builtins.h"
#include "frontend/compiler.h"
#include "interp/interp.h"
#include "runtime/inspect.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct ExitHook {
  void (*fn)(StVM *vm, void *ud);
  void *ud;
} ExitHook;

enum { MAX_EXIT_HOOKS = 8 };

typedef struct StHost {
  uint64_t start_ns;
  StObject *module_cache; /* absolute path -> module object */
  int exit_code;
  ExitHook exit_hooks[MAX_EXIT_HOOKS];
  int nexit_hooks;
} StHost;

static StHost *host_of(StVM *vm) { return vm->runtime; }

/* --- printing --- */

static void write_utf8(StVM *vm, FILE *out, StString *s) {
  char *u = st_string_to_utf8(vm, s, NULL);
  if (u) fputs(u, out);
  free(u);
}

static StValue host_print(StVM *vm, StCallInfo *ci) {
  for (uint32_t i = 0; i < ci->argc; i++) {
    if (i) fputc(' ', stdout);
    /* String(x): symbols print as their descriptive string. */
    StValue v = ci->argv[i];
    StString *s = st_is_symbol(v) ? st_symbol_descriptive_string(vm, st_get_symbol(v)) : st_ops_to_string(vm, v);
    if (!s) return ST_EXCEPTION;
    write_utf8(vm, stdout, s);
  }
  fputc('\n', stdout);
  return ST_UNDEFINED;
}

static StValue console_write(StVM *vm, StCallInfo *ci, FILE *out) {
  char *s = st_inspect_format_args(vm, ci->argc, ci->argv);
  if (st_vm_has_exception(vm)) {
    free(s);
    return ST_EXCEPTION;
  }
  fputs(s, out);
  fputc('\n', out);
  free(s);
  return ST_UNDEFINED;
}

static StValue console_log(StVM *vm, StCallInfo *ci) { return console_write(vm, ci, stdout); }
static StValue console_error(StVM *vm, StCallInfo *ci) {
  fflush(stdout);
  StValue r = console_write(vm, ci, stderr);
  fflush(stderr);
  return r;
}

/* --- performance and process --- */

static StValue performance_now(StVM *vm, StCallInfo *ci) {
  (void)ci;
  return st_double((double)(st_common_now_ns() - host_of(vm)->start_ns) / 1e6);
}

static StValue process_exit(StVM *vm, StCallInfo *ci) {
  int code = host_of(vm)->exit_code;
  if (ci->argc > 0 && !st_is_undefined(ci->argv[0])) {
    int32_t c;
    if (!st_ops_to_int32(vm, ci->argv[0], &c)) return ST_EXCEPTION;
    code = c;
  }
  fflush(stdout);
  fflush(stderr);
  st_host_run_exit_hooks(vm);
  exit(code & 0xFF);
}

static StValue process_hrtime(StVM *vm, StCallInfo *ci) {
  uint64_t now = st_common_now_ns();
  int64_t sec = (int64_t)(now / 1000000000u), nsec = (int64_t)(now % 1000000000u);
  StValue prev = st_arg(ci, 0);
  if (st_is_object(prev)) {
    StValue ps = st_value_get_elem(vm, prev, st_int(0));
    if (ps == ST_EXCEPTION) return ps;
    StValue pn = st_value_get_elem(vm, prev, st_int(1));
    if (pn == ST_EXCEPTION) return pn;
    double s0, n0;
    if (!st_ops_to_double(vm, ps, &s0) || !st_ops_to_double(vm, pn, &n0)) return ST_EXCEPTION;
    sec -= (int64_t)s0;
    nsec -= (int64_t)n0;
    if (nsec < 0) {
      nsec += 1000000000;
      sec--;
    }
  }
  StValue items[2] = {st_number((double)sec), st_number((double)nsec)};
  StObject *a = st_array_from(vm, 2, items);
  return a ? st_object_value(a) : ST_EXCEPTION;
}

static StValue stdout_write(StVM *vm, StCallInfo *ci) {
  StString *s = st_ops_to_string(vm, st_arg(ci, 0));
  if (!s) return ST_EXCEPTION;
  write_utf8(vm, stdout, s);
  return ST_TRUE;
}

static StValue stderr_write(StVM *vm, StCallInfo *ci) {
  StString *s = st_ops_to_string(vm, st_arg(ci, 0));
  if (!s) return ST_EXCEPTION;
  fflush(stdout);
  write_utf8(vm, stderr, s);
  return ST_TRUE;
}

/* --- require --- */

static char *dirname_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) return st_xstrdup(".");
  if (slash == path) return st_xstrdup("/");
  size_t n = (size_t)(slash - path);
  char *d = st_xmalloc(n + 1);
  memcpy(d, path, n);
  d[n] = 0;
  return d;
}

static bool file_exists(const char *p) { return access(p, R_OK) == 0; }

/* Resolves spec against dir the way node resolves relative paths: as is, + ".js", + "/index.js".
 * Returns a malloc'd absolute path or NULL. */
static char *resolve_module(const char *dir, const char *spec) {
  char joined[PATH_MAX];
  if (spec[0] == '/') snprintf(joined, sizeof joined, "%s", spec);
  else snprintf(joined, sizeof joined, "%s/%s", dir, spec);
  const char *suffixes[] = {"", ".js", "/index.js"};
  for (int i = 0; i < 3; i++) {
    char cand[PATH_MAX + 16];
    snprintf(cand, sizeof cand, "%s%s", joined, suffixes[i]);
    char real[PATH_MAX];
    if (file_exists(cand) && realpath(cand, real)) return st_xstrdup(real);
  }
  return NULL;
}

static StValue make_require(StVM *vm, const char *dir);

static char *read_whole_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 14, n = 0;
  char *buf = st_xmalloc(cap);
  size_t got;
  while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      cap *= 2;
      buf = st_xrealloc(buf, cap);
    }
  }
  fclose(f);
  *len = n;
  return buf;
}

/* Loads a module: wraps its text in a function (exports, require, module, __filename,
 * __dirname), as node does, and calls it with a fresh module object. */
static StValue load_module(StVM *vm, const char *path) {
  StHost *h = host_of(vm);
  StValue key = st_builtins_string(vm, path);
  if (key == ST_EXCEPTION) return key;
  StValue cached = st_value_get_elem(vm, st_object_value(h->module_cache), key);
  if (cached == ST_EXCEPTION) return cached;
  if (st_is_object(cached)) return st_value_get(vm, cached, st_string_value(vm->atoms.exports));

  size_t len;
  char *text = read_whole_file(path, &len);
  if (!text) return st_vm_throw_error(vm, ST_ERROR_ERROR, "Cannot read module '%s': %s", path, strerror(errno));
  static const char head[] = "(function (exports, require, module, __filename, __dirname) { ";
  static const char tail[] = "\n})";
  size_t skip = 0;
  if (len >= 2 && text[0] == '#' && text[1] == '!') /* hashbang: keep line numbers, drop text */
    while (skip < len && text[skip] != '\n') skip++;
  size_t total = sizeof head - 1 + (len - skip) + sizeof tail - 1;
  char *src = st_xmalloc(total + 1);
  memcpy(src, head, sizeof head - 1);
  memcpy(src + sizeof head - 1, text + skip, len - skip);
  memcpy(src + sizeof head - 1 + (len - skip), tail, sizeof tail);
  free(text);
  StDiagList diags = {0};
  StProto *p = st_compiler_compile_function(vm, src, total, path, &diags);
  free(src);
  if (!p) {
    StValue r;
    if (st_vm_has_exception(vm)) r = ST_EXCEPTION;
    else {
      const StDiag *d = diags.items.len ? &diags.items.data[0] : NULL;
      r = st_vm_throw_error(vm, ST_ERROR_SYNTAX, "%s (%s:%u:%u)", d ? d->message : "invalid module",
                            path, d ? d->line : 0, d ? d->col : 0);
    }
    st_diag_free(&diags);
    return r;
  }
  st_diag_free(&diags);
  StFunction *wrapper = st_function_new_closure(vm, p, NULL);
  if (!wrapper) return ST_EXCEPTION;
  StObject *module = st_object_new(vm, vm->intrinsics.ObjectPrototype, 4);
  StObject *exports = st_object_new(vm, vm->intrinsics.ObjectPrototype, 4);
  if (!module || !exports) return ST_EXCEPTION;
  if (st_object_define(vm, module, st_string_value(vm->atoms.exports), st_object_value(exports),
                       ST_ATTR_DEFAULT) < 0 ||
      st_value_set_elem(vm, st_object_value(h->module_cache), key, st_object_value(module), true) < 0)
    return ST_EXCEPTION;
  char *dir = dirname_of(path);
  StValue req = make_require(vm, dir);
  StValue dirv = st_builtins_string(vm, dir);
  free(dir);
  if (req == ST_EXCEPTION || dirv == ST_EXCEPTION) return ST_EXCEPTION;
  StValue args[5] = {st_object_value(exports), req, st_object_value(module), key, dirv};
  StValue r = st_vm_call(vm, st_object_value(&wrapper->obj), st_object_value(exports), 5, args);
  if (r == ST_EXCEPTION) return r;
  return st_value_get(vm, st_object_value(module), st_string_value(vm->atoms.exports));
}

static StValue host_require(StVM *vm, StCallInfo *ci) {
  StString *spec = st_ops_to_string(vm, st_arg(ci, 0));
  if (!spec) return ST_EXCEPTION;
  char *s = st_string_to_utf8(vm, spec, NULL);
  StNativeFunction *self = (StNativeFunction *)ci->callee;
  char *dir = st_string_to_utf8(vm, st_get_string(self->data[0]), NULL);
  char *path = (s && dir && (s[0] == '.' || s[0] == '/')) ? resolve_module(dir, s) : NULL;
  StValue r;
  if (!path) r = st_vm_throw_error(vm, ST_ERROR_ERROR, "Cannot find module '%s'", s ? s : "?");
  else r = load_module(vm, path);
  free(s);
  free(dir);
  free(path);
  return r;
}

static StValue make_require(StVM *vm, const char *dir) {
  StNativeFunction *f = st_function_new_native(vm, host_require, "require", 1, false);
  if (!f) return ST_EXCEPTION;
  StValue d = st_builtins_string(vm, dir);
  if (d == ST_EXCEPTION) return d;
  f->data[0] = d;
  return st_object_value(&f->obj);
}

/* --- set-up --- */

static void trace_host(StHeap *h, void *ud) {
  StHost *host = ud;
  st_gc_mark_cell(h, (StCell *)host->module_cache);
}

void st_host_add_exit_hook(StVM *vm, void (*fn)(StVM *vm, void *ud), void *ud) {
  StHost *h = host_of(vm);
  ST_CHECK(h->nexit_hooks < MAX_EXIT_HOOKS, "too many exit hooks");
  h->exit_hooks[h->nexit_hooks++] = (ExitHook){fn, ud};
}

/* Runs (once) the hooks that must see the end of the process: --stats, --print-feedback. */
void st_host_run_exit_hooks(StVM *vm) {
  StHost *h = host_of(vm);
  while (h->nexit_hooks > 0) {
    ExitHook hk = h->exit_hooks[--h->nexit_hooks];
    hk.fn(vm, hk.ud);
  }
}

void st_host_free(StVM *vm) {
  StHost *h = host_of(vm);
  if (!h) return;
  st_gc_remove_root_tracer(vm->heap, trace_host, h);
  free(h);
  vm->runtime = NULL;
}

void st_host_init(StVM *vm, const char *engine_path, const char *script_path, int argc,
                  char **argv) {
  StHost *h = st_xcalloc(1, sizeof *h);
  h->start_ns = st_common_now_ns();
  vm->runtime = h;
  h->module_cache = st_object_new(vm, NULL, 0);
  ST_CHECK(h->module_cache, "out of memory during host set-up");
  st_gc_add_root_tracer(vm->heap, trace_host, h);
  StObject *g = vm->global;

  st_builtins_method(vm, g, "print", host_print, 0);

  StObject *console = st_builtins_namespace(vm, "console");
  st_builtins_method(vm, console, "log", console_log, 0);
  st_builtins_method(vm, console, "info", console_log, 0);
  st_builtins_method(vm, console, "debug", console_log, 0);
  st_builtins_method(vm, console, "error", console_error, 0);
  st_builtins_method(vm, console, "warn", console_error, 0);
  st_builtins_method(vm, console, "trace", console_error, 0);

  StObject *perf = st_builtins_namespace(vm, "performance");
  st_builtins_method(vm, perf, "now", performance_now, 0);

  StObject *process = st_builtins_namespace(vm, "process");
  StObject *av = st_array_new(vm, (uint32_t)argc + 2);
  ST_CHECK(av, "out of memory during host set-up");
  char real[PATH_MAX];
  const char *engine = realpath(engine_path, real) ? real : engine_path;
  ST_CHECK(st_array_push(vm, av, st_builtins_string(vm, engine)), "argv");
  if (script_path) {
    char rs[PATH_MAX];
    ST_CHECK(st_array_push(vm, av, st_builtins_string(vm, realpath(script_path, rs) ? rs : script_path)), "argv");
  }
  for (int i = 0; i < argc; i++) ST_CHECK(st_array_push(vm, av, st_builtins_string(vm, argv[i])), "argv");
  st_builtins_value(vm, process, "argv", st_object_value(av), ST_ATTR_DEFAULT);
  st_builtins_method(vm, process, "exit", process_exit, 1);
  st_builtins_method(vm, process, "hrtime", process_hrtime, 1);
  st_builtins_value(vm, process, "platform", st_builtins_atom(vm, "linux"), ST_ATTR_DEFAULT);
  st_builtins_value(vm, process, "version", st_builtins_atom(vm, "v0.1.0-strata"), ST_ATTR_DEFAULT);
  StObject *out = st_object_new(vm, vm->intrinsics.ObjectPrototype, 2);
  StObject *err = st_object_new(vm, vm->intrinsics.ObjectPrototype, 2);
  ST_CHECK(out && err, "out of memory during host set-up");
  st_builtins_method(vm, out, "write", stdout_write, 1);
  st_builtins_method(vm, err, "write", stderr_write, 1);
  st_builtins_value(vm, process, "stdout", st_object_value(out), ST_ATTR_DEFAULT);
  st_builtins_value(vm, process, "stderr", st_object_value(err), ST_ATTR_DEFAULT);
  StObject *env = st_object_new(vm, vm->intrinsics.ObjectPrototype, 0);
  ST_CHECK(env, "out of memory during host set-up");
  extern char **environ;
  for (char **e = environ; e && *e; e++) {
    const char *eq = strchr(*e, '=');
    if (!eq) continue;
    char name[256];
    size_t n = (size_t)(eq - *e) < sizeof name - 1 ? (size_t)(eq - *e) : sizeof name - 1;
    memcpy(name, *e, n);
    name[n] = 0;
    StValue v = st_builtins_string(vm, eq + 1);
    if (v != ST_EXCEPTION) st_object_define(vm, env, st_builtins_atom(vm, name), v, ST_ATTR_DEFAULT);
  }
  st_builtins_value(vm, process, "env", st_object_value(env), ST_ATTR_DEFAULT);

  /* require for the main script resolves relative to the script's directory. */
  char cwd[PATH_MAX];
  char *dir = script_path ? dirname_of(script_path) : st_xstrdup(getcwd(cwd, sizeof cwd) ? cwd : ".");
  StValue req = make_require(vm, dir);
  free(dir);
  ST_CHECK(req != ST_EXCEPTION, "require");
  st_builtins_value(vm, g, "require", req, ST_ATTR_HIDDEN);
  /* The main script is a classic script (globals are global, as test262 needs), with node's
   * CommonJS names defined around it so that node-style scripts run unmodified. */
  StObject *module = st_object_new(vm, vm->intrinsics.ObjectPrototype, 4);
  StObject *exports = st_object_new(vm, vm->intrinsics.ObjectPrototype, 0);
  ST_CHECK(module && exports, "out of memory during host set-up");
  st_builtins_value(vm, module, "exports", st_object_value(exports), ST_ATTR_DEFAULT);
  st_builtins_value(vm, module, "require", req, ST_ATTR_DEFAULT);
  st_builtins_value(vm, g, "module", st_object_value(module), ST_ATTR_HIDDEN);
  st_builtins_value(vm, g, "exports", st_object_value(exports), ST_ATTR_HIDDEN);
  if (script_path) {
    char rs[PATH_MAX];
    const char *full = realpath(script_path, rs) ? rs : script_path;
    char *d = dirname_of(full);
    st_builtins_value(vm, g, "__filename", st_builtins_string(vm, full), ST_ATTR_HIDDEN);
    st_builtins_value(vm, g, "__dirname", st_builtins_string(vm, d), ST_ATTR_HIDDEN);
    st_builtins_value(vm, module, "filename", st_builtins_string(vm, full), ST_ATTR_DEFAULT);
    free(d);
  }

  StObject *t262 = st_object_new(vm, vm->intrinsics.ObjectPrototype, 2);
  ST_CHECK(t262, "out of memory during host set-up");
  st_builtins_value(vm, t262, "global", st_object_value(g), ST_ATTR_DEFAULT);
  st_builtins_value(vm, g, "$262", st_object_value(t262), ST_ATTR_HIDDEN);
}

/* "Name: message" of an error read straight from its properties, allocating nothing on the
 * JS heap: String(exc) fails when the heap is exhausted (the out-of-memory RangeError itself).
 * NULL when they are not strings. */
static char *error_head_without_heap(StVM *vm, StValue exc) {
  StValue name = st_value_get(vm, exc, st_string_value(vm->atoms.name));
  if (name == ST_EXCEPTION) st_vm_take_exception(vm);
  StValue msg = st_value_get(vm, exc, st_string_value(vm->atoms.message));
  if (msg == ST_EXCEPTION) st_vm_take_exception(vm);
  if (!st_is_string(name)) return NULL;
  char *n = st_string_to_utf8(vm, st_get_string(name), NULL);
  char *m = st_is_string(msg) ? st_string_to_utf8(vm, st_get_string(msg), NULL) : NULL;
  size_t len = (n ? strlen(n) : 0) + (m ? strlen(m) : 0) + 3;
  char *out = st_xmalloc(len);
  snprintf(out, len, "%s%s%s", n ? n : "", m && m[0] ? ": " : "", m ? m : "");
  free(n);
  free(m);
  return out;
}

/* "Uncaught " + String(exc), then the stack's frames when exc has a stack. The header is
 * formatted now, not taken from the stack, so that a name or message set after construction
 * (this.name = 'NotFound' in a subclass constructor) shows, as V8's lazily formatted stack does. */
void st_host_report_uncaught(StVM *vm, StValue exc) {
  fflush(stdout);
  char *frames = NULL;
  if (st_is_object(exc)) {
    StValue st = st_value_get(vm, exc, st_string_value(vm->atoms.stack));
    if (st == ST_EXCEPTION) st_vm_take_exception(vm);
    else if (st_is_string(st)) {
      char *u = st_string_to_utf8(vm, st_get_string(st), NULL);
      char *at = u ? strstr(u, "\n    at ") : NULL;
      if (at) frames = st_xstrdup(at);
      free(u);
    }
  }
  char *head;
  if (st_is_symbol(exc)) {
    head = st_inspect_value(vm, exc);
  } else {
    StString *text = st_ops_to_string(vm, exc);
    if (!text) st_vm_take_exception(vm);
    head = text ? st_string_to_utf8(vm, text, NULL) : NULL;
    if (!head && st_is_object(exc)) head = error_head_without_heap(vm, exc);
  }
  fprintf(stderr, "Uncaught %s%s\n", head ? head : "exception", frames ? frames : "");
  free(head);
  free(frames);
  fflush(stderr);
}

void st_host_set_exit_code(StVM *vm, int code) { host_of(vm)->exit_code = code; }
int st_host_exit_code(StVM *vm) { return host_of(vm)->exit_code; }
