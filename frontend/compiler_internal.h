/* frontend/compiler_internal.h: the bytecode compiler's state, shared by compiler.c
 * (functions, statements), compiler_expr.c (expressions), compiler_assign.c (patterns and
 * assignment targets) and compiler_class.c (classes and object literals). Private to frontend/.
 *
 * Registers: an expression is compiled into a destination register chosen by the caller
 * (`dst`, or ST_ANY to let the expression pick: a local variable's own register is returned
 * as is, without a move). Temporaries are freed in stack order: a caller saves
 * st_emit_... next_reg before and restores it after.
 *
 * Abrupt completions: break, continue and return may leave try-finally regions and for-of loops
 * (whose iterators must be closed). Each such region is recorded while its body is compiled;
 * a jump out of it first runs the region's exit code: for for-of, ITERCLOSE; for finally, the
 * jump is recorded as a numbered completion, control goes to the finally block, which ends by
 * dispatching on the completion number.
 */
#ifndef ST_FRONTEND_COMPILER_INTERNAL_H
#define ST_FRONTEND_COMPILER_INTERNAL_H

#include "frontend/compiler.h"
#include "frontend/emit.h"
#include "frontend/parser.h"
#include "frontend/scope.h"
#include "objects/string.h"

#define ST_ANY (-1)

/* A statement that break/continue can target. */
typedef struct CTarget {
  StNode *node;           /* the loop, switch or LABELED statement */
  StLabel *break_label;
  StLabel *continue_label; /* NULL for switch and plain labeled statements */
  uint32_t ctx_depth;     /* contexts pushed in this function when the target is reached */
  uint32_t nregions;      /* regions (finally, for-of) open at the target */
} CTarget;

typedef enum CRegionKind { CR_FINALLY, CR_ITER } CRegionKind;

/* A pending jump through a finally: after the finally block, jump to `label` (or return). */
typedef struct CFinallyExit {
  int32_t code;           /* the completion number */
  StLabel *label;         /* jump target, or NULL for return */
  uint32_t ctx_depth;
} CFinallyExit;

typedef struct CRegion {
  uint8_t kind;           /* CRegionKind */
  uint32_t ctx_depth;     /* contexts pushed when the region was entered */
  /* CR_ITER */
  uint32_t iter_reg;      /* the iterator record (two registers) */
  /* CR_FINALLY */
  uint32_t completion_reg, value_reg;
  StLabel *finally_label;
  StVec(CFinallyExit) exits;
  int32_t next_code;
} CRegion;

typedef struct CFunc {
  StEmitter e;
  struct CFunc *outer;
  StScope *scope;          /* the function (or script) scope */
  StAstFunction *fn;          /* NULL for the script */
  StScope *cur_scope;      /* innermost lexical scope at the current point */
  uint32_t ctx_depth;      /* contexts pushed since the function's entry context */
  StVec(CTarget) targets;
  StVec(CRegion) regions;
  bool strict;
  bool is_async;
  bool derived_ctor;
  StProto *proto;
  StLabel *opt_nullish;    /* the innermost optional chain's short-circuit target */
  /* While a parameter's default is compiled: that parameter's register; parameters from it
   * on are still uninitialized (TDZ), so reading them throws. 0 otherwise. */
  uint32_t param_tdz_reg;
  /* Eval code's top level: the register holding the completion value (the value eval
   * returns), updated by expression statements; 0 elsewhere. */
  uint32_t completion_reg;
  /* Registers of the bindings of the scopes entered since the innermost try statement began,
   * as [lo, hi) (empty when lo >= hi): they are dead at its handlers (StHandler.dead_lo).
   * Scope analysis numbers a function's bindings in source order, so the range holds only
   * bindings of that try statement's scopes. */
  uint32_t try_regs_lo, try_regs_hi;
} CFunc;

typedef struct Cc {
  StVM *vm;
  StDiagList *diags;
  const StCompileOptions *opt;
  StSource *source;
  StNameTable *names;
  StLineTable *lines; /* the program's: node offsets -> line:col */
  CFunc *fn;               /* the function being compiled */
  const StName *infer_name;/* name for the next anonymous function or class compiled */
  bool failed;             /* a limit was hit (error already in diags) */
  bool eval;               /* compiling eval code: its top level keeps a completion value */
  /* A script whose statements' tree memory is freed as soon as each is compiled (see
   * StProgram.stmt_marks), or NULL. */
  StProgram *release_prog;
  /* That script's function declarations: hoisting emits their closures with a reserved
   * constant (st_emit_const_reserve), and each is compiled when the statement loop reaches
   * it, so that its tree can be freed with its statement's. In source order. */
  StVec(struct CDeferred { StAstFunction *f; uint32_t k; }) deferred;
  uint32_t next_deferred;
  StEmitPool emit_pool;    /* every function's emitter draws its buffers from here */
} Cc;

/* compiler.c */
StProto *st_cc_function(Cc *c, StAstFunction *f, StScope *scope);
void st_cc_stmt(Cc *c, StNode *n);
void st_cc_error(Cc *c, const StNode *at, const char *fmt, ...) ST_PRINTF(3, 4);
StValue st_cc_name_value(Cc *c, const StName *name);  /* interned string of a name */
/* The opcode of a binary (or compound-assignment) operator token; ST_OP_NOP for others. */
StOpcode st_cc_binop_of(uint16_t tok);
StValue st_cc_str_value(Cc *c, const StStr *s);       /* interned string of a literal */
void st_cc_pos(Cc *c, const StNode *n);
uint32_t st_cc_temp(Cc *c);
uint32_t st_cc_temps(Cc *c, uint32_t n);
uint32_t st_cc_mark(Cc *c);             /* the first free register, to free back to */
void st_cc_release(Cc *c, uint32_t mark);
uint32_t st_cc_fb(Cc *c, StFeedbackKind k);
uint32_t st_cc_const(Cc *c, StValue v);
/* Context depth from the current point to binding b's scope. */
uint32_t st_cc_ctx_depth(Cc *c, const StBinding *b);
void st_cc_push_scope(Cc *c, StScope *s);   /* PUSHCTX when s has a context; TDZ inits */
void st_cc_pop_scope(Cc *c, StScope *s);
void st_cc_hoist_functions(Cc *c, StNodeList *body);

/* Parsed and analyzed program -> proto (scripts and eval code; c->eval says which). */
StProto *st_cc_program(StVM *vm, StProgram *prog, const StCompileOptions *opt, const char *src,
                       size_t len, bool eval, StDiagList *diags);

/* compiler_eval.c */
/* The constant (a string) describing, for direct eval code compiled later, every scope from
 * the current point up to the script: kinds, flags and the context slots of their bindings. */
uint32_t st_cc_eval_descriptor(Cc *c);

/* compiler_expr.c */
/* Compiles n into dst (or any register when dst is ST_ANY); returns the register. */
uint32_t st_cc_expr(Cc *c, StNode *n, int32_t dst);
/* Compiles n into a fresh temporary (never a variable's own register). */
uint32_t st_cc_expr_temp(Cc *c, StNode *n);
/* Jumps to l when n's truthiness is `when`, falling through otherwise. */
void st_cc_cond_jump(Cc *c, StNode *n, bool when, StLabel *l);
/* Reads binding b (or the global `name` when b is NULL) into dst. */
uint32_t st_cc_load_var(Cc *c, StBinding *b, const StName *name, const StNode *at, int32_t dst,
                        bool for_typeof);
/* Stores register src into binding b (or the global). init: a declaration's initialization
 * (const allowed, TDZ ends). */
void st_cc_store_var(Cc *c, StBinding *b, const StName *name, const StNode *at, uint32_t src,
                     bool init);
uint32_t st_cc_function_value(Cc *c, StAstFunction *f, int32_t dst);
/* GETSUPER/SETSUPER take their receiver from register 0: in an arrow (or eval code), whose
 * `this` lives in the enclosing function's context, load it there first. */
void st_cc_super_receiver(Cc *c, const StNode *at);
/* Evaluates a call's arguments into the window starting at base+2, or (with spread) into an
 * array at base+2; returns the argument count, or -1 when a spread array was built. */
int32_t st_cc_args(Cc *c, StNodeList *args, uint32_t base);

/* compiler_assign.c */
/* Binds or assigns the value in register v to a pattern or target. init: declarations. */
/* Derived constructors whose `this` lives in a context (an arrow uses it, or calls super()):
 * copy it back into register 0, which construct-return reads. */
void st_cc_sync_this(Cc *c);
/* Compiles an initializer, naming an anonymous function or class after `name` (may be NULL). */
uint32_t st_cc_named_expr(Cc *c, StNode *value, const StName *name, int32_t dst);
void st_cc_assign_pattern(Cc *c, StNode *target, uint32_t v, bool init);
uint32_t st_cc_assign_expr(Cc *c, StAssign *a, int32_t dst);
uint32_t st_cc_update_expr(Cc *c, StUpdate *u, int32_t dst);
/* A property key as a register (computed: evaluated and converted once) or a constant. */
typedef struct CKey {
  bool is_const;
  uint32_t k;   /* constant index (is_const) */
  uint32_t reg; /* register (otherwise) */
} CKey;
CKey st_cc_key(Cc *c, StNode *key, bool computed);
uint32_t st_cc_key_reg(Cc *c, CKey k);

/* compiler_class.c */
uint32_t st_cc_class(Cc *c, StClass *cls, int32_t dst);
uint32_t st_cc_object(Cc *c, StAstObject *o, int32_t dst);

#endif
