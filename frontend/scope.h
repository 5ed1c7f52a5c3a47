/* frontend/scope.h: scope analysis: which declaration each identifier refers to, and where
 * every binding lives (a register of its function's frame, a slot of a heap context, or the
 * global object).
 *
 * Scopes mirror the language: the script, each function (parameters, vars, hoisted function
 * declarations, and the body's top-level lexical declarations), blocks, `for` heads with
 * let/const (copied per iteration), catch clauses, switch bodies, and class bodies (the class's
 * inner name, hidden slots for computed field keys).
 *
 * Invariants after st_scope_analyze:
 *  - Every IDENT and BINDING node's `binding` is set, except for names that resolve to the
 *    global object (unresolved references, and script-level var/function declarations), which
 *    stay NULL.
 *  - A binding referenced from a function other than the one declaring it is `captured` and
 *    lives in a context slot; only captured bindings live in contexts.
 *  - A scope has a context (has_context) iff it holds a context slot. At run time the chain of
 *    contexts from any point of the code up to the script mirrors exactly the chain of scopes
 *    with has_context: one context per such scope, pushed on entry and popped on exit. That
 *    is what makes the (depth, slot) pairs computed by the compiler valid.
 *  - A block that declares nothing itself (no let, const, class or function declaration in its
 *    statement list) has no scope (StBlock.scope NULL) unless the script contains a direct
 *    eval, whose scope descriptors list every scope: an empty scope would change nothing.
 *  - Parameters are registers 1..n of their function, as the calling convention puts them; a
 *    captured parameter also has a context slot, filled in the prologue. In sloppy functions
 *    with simple parameters that use the arguments object, every parameter lives in the
 *    function context at slots 0..n-1 (the mapped arguments object aliases them).
 *  - A direct eval call (StCall.direct_eval) can name any binding visible from it: every
 *    binding of every scope from the call up to the script is captured (a context slot), and
 *    the call's `this` scope gets its implicit this, new.target and arguments bindings, so
 *    that the eval code (compiled later, see compiler_eval.c) reaches them all by (depth, slot).
 */
#ifndef ST_FRONTEND_SCOPE_H
#define ST_FRONTEND_SCOPE_H

#include "frontend/ast.h"
#include "support/diag.h"

typedef enum StScopeKind {
  ST_SCOPE_SCRIPT,
  ST_SCOPE_FUNCTION,
  ST_SCOPE_BLOCK,
  ST_SCOPE_FOR,
  ST_SCOPE_CATCH,
  ST_SCOPE_SWITCH,
  ST_SCOPE_CLASS,
} StScopeKind;

typedef enum StBindingKind {
  ST_BIND_VAR,
  ST_BIND_LET,
  ST_BIND_CONST,
  ST_BIND_CLASS,      /* a class declaration's outer name (let-like) */
  ST_BIND_CLASS_INNER,/* the class's own name inside its body (const-like) */
  ST_BIND_FUNCTION,   /* a function declaration */
  ST_BIND_PARAM,
  ST_BIND_CATCH,
  ST_BIND_CALLEE,     /* a named function expression's own name (read-only) */
  ST_BIND_ARGUMENTS,  /* the implicit arguments object */
  ST_BIND_THIS,       /* implicit `this` of a function or the script, when an arrow uses it */
  ST_BIND_NEW_TARGET, /* implicit new.target, when an arrow uses it */
  ST_BIND_ACTIVE_FUNCTION, /* a derived constructor itself, when an arrow in it calls super() */
  ST_BIND_HIDDEN,     /* compiler temporaries that must live in a context (class field keys) */
} StBindingKind;

typedef enum StBindingLoc { ST_LOC_REGISTER, ST_LOC_CONTEXT, ST_LOC_GLOBAL } StBindingLoc;

/* 48 bytes (a big script has about one binding per 60 bytes of source): the small fields are
 * bit-fields, packed after the pointers. */
typedef struct StBinding {
  const StName *name;
  struct StScope *scope;
  StNode *decl;        /* declaring node */
  struct StBinding *next;
  uint32_t reg;        /* register (registers, and parameters) */
  uint32_t slot;       /* context slot (contexts) */
  uint32_t decl_end;   /* byte offset after which it is initialized (TDZ elision) */
  unsigned kind : 4;   /* StBindingKind */
  unsigned loc : 2;    /* StBindingLoc */
  bool captured : 1;   /* referenced from another function */
  bool lexical : 1;    /* let, const, class: has a TDZ */
  bool assigned : 1;   /* written somewhere besides its declaration */
  bool param_in_ctx : 1; /* a parameter that also lives in the context */
} StBinding;
ST_STATIC_ASSERT(ST_BIND_HIDDEN < 16 && ST_LOC_GLOBAL < 4, "StBinding's kind and loc bit-fields");
ST_STATIC_ASSERT(sizeof(void *) != 8 || sizeof(StBinding) == 48, "StBinding stays 48 bytes");
ST_STATIC_ASSERT(offsetof(StBinding, name) == 0, "StIdent reads a binding's name (ast.h)");

/* The fields few scopes need, out of line (StScope.rare, NULL until one is set): a big script has
 * one scope per 100 bytes of source, and most have no index, no implicit bindings and no separate
 * body scope. */
typedef struct StScopeRare {
  /* Past a few bindings, an index by name (open addressing over StName.hash, arena memory):
   * a script or function with thousands of declarations resolves names in O(1). */
  StBinding **index;
  uint32_t index_mask; /* capacity - 1, or 0 when there is no index */
  /* Function and script scopes only: */
  StBinding *this_binding;  /* when captured by an arrow (else `this` is register 0) */
  StBinding *new_target_binding;
  StBinding *function_binding; /* ST_BIND_ACTIVE_FUNCTION */
  StBinding *arguments_binding;
  /* Functions with parameter expressions (defaults, patterns, rest): the body's own scope,
   * which receives the body's var declarations, so that defaults cannot see them (spec
   * FunctionDeclarationInstantiation step 28). NULL for simple parameter lists. */
  struct StScope *body;
} StScopeRare;

/* Pointers first, then the counters, then the flags: 80 bytes, no padding holes. */
typedef struct StScope {
  struct StScope *parent;
  struct StScope *fn; /* the function (or script) scope containing this scope */
  StNode *node; /* the AST node that owns the scope */
  StBinding *bindings; /* declaration order */
  StBinding *last;
  StAstFunction *function; /* function scopes; NULL for the script */
  StScopeRare *rare; /* see StScopeRare; read through the st_scope_* accessors below */
  uint32_t nbindings;
  uint32_t ctx_slots;
  uint32_t nparams;         /* function scopes: registers 1..nparams */
  uint32_t nlocals;         /* function scopes: registers allocated to bindings, from nparams + 1 */
  uint32_t kind : 3; /* StScopeKind */
  bool has_context : 1;
  bool strict : 1;
  bool is_arrow : 1; /* function scopes */
  bool mapped_arguments : 1; /* function scopes: the arguments object aliases the params */
  bool uses_arguments : 1; /* function scopes: creates an arguments object */
  bool var_scope : 1; /* block scopes: this is such a body scope */
  /* Direct eval (frontend/compiler_eval.c): a scope rebuilt from a call site's descriptor, so
   * that eval code resolves names into the caller's contexts. No code is compiled for it and
   * no binding is ever added to it. */
  bool outer_eval : 1;
} StScope;
ST_STATIC_ASSERT(sizeof(void *) != 8 || sizeof(StScope) == 80, "StScope stays 80 bytes");
ST_STATIC_ASSERT(ST_SCOPE_CLASS < 8, "StScope.kind bit-field");

/* s's out-of-line fields, made (zeroed, in arena) on first use. */
StScopeRare *st_scope_rare(StArena *arena, StScope *s);
ST_INLINE StBinding *st_scope_this_binding(const StScope *s) {
  return s->rare ? s->rare->this_binding : NULL;
}
ST_INLINE StBinding *st_scope_new_target_binding(const StScope *s) {
  return s->rare ? s->rare->new_target_binding : NULL;
}
ST_INLINE StBinding *st_scope_function_binding(const StScope *s) {
  return s->rare ? s->rare->function_binding : NULL;
}
ST_INLINE StBinding *st_scope_arguments_binding(const StScope *s) {
  return s->rare ? s->rare->arguments_binding : NULL;
}
ST_INLINE StScope *st_scope_body(const StScope *s) { return s->rare ? s->rare->body : NULL; }

/* Analyzes a parsed program: builds scopes, resolves identifiers, marks captures, allocates
 * registers and context slots. Early errors found here (none at present beyond the parser's)
 * go to diags. All memory is in the arena. false when an error was recorded. */
bool st_scope_analyze(StArena *arena, StProgram *program, StDiagList *diags);

/* Analyzes eval code. outer: the innermost scope rebuilt from the call site (NULL for indirect
 * eval). script_kind: the top scope is a SCRIPT scope (`this` is the frame's, i.e. the global
 * object), else an arrow-like FUNCTION scope (`this`, arguments, new.target: the caller's).
 * global_vars: the code's var and function declarations become properties of the global
 * object (sloppy indirect eval, and sloppy direct eval whose caller's variable scope is the
 * script). A sloppy eval var that collides with a lexical binding between the call and the
 * caller's variable scope is an early error (EvalDeclarationInstantiation step 3), and so is
 * a sloppy `var arguments` in eval code called from a function's parameter list (in_params). */
bool st_scope_analyze_eval(StArena *arena, StProgram *program, StScope *outer, bool script_kind,
                           bool global_vars, bool in_params, StDiagList *diags);
/* The scope whose `this`, arguments and new.target apply at s (arrows are transparent). */
StScope *st_scope_this_scope(StScope *s);

/* The innermost scope of a function/class/block node (NULL when it has none). */
StBinding *st_scope_lookup(StScope *s, const StName *name);
/* Whether a reference at byte offset `at`, in function scope `from`, to b needs a TDZ check. */
bool st_scope_needs_tdz_check(const StBinding *b, const StScope *from_fn, uint32_t at);

#endif
