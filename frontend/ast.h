/* frontend/ast.h: the abstract syntax tree the parser builds and scope analysis and the
 * bytecode compiler walk. Data only, plus constructors, the name table and the dumper (ast.c).
 *
 * Invariants:
 *  - Every node starts with StNode (kind, byte offset); the kind says which struct it is
 *    (ST_AST_NODES below gives the struct of each kind). Its position is the byte offset of the
 *    node's first token; st_ast_pos turns it into the lexer's 1-based line and 1-based column
 *    in UTF-16 code units, through StProgram.lines. Except that operator nodes carry the
 *    position of their operator, which is where V8 points a runtime error: binary, logical, assignments, conditional (the `?`), sequence (the first `,`),
 *    update (the `++` or `--`, also when postfix), optional chain (its first `?.`), member
 *    (the property name), index (the `[`), call (its callee's position: the property name of
 *    a member callee, else the callee's start). A parenthesized expression has the position
 *    of the expression inside, not of the `(`.
 *  - All memory (nodes, lists, names, strings) lives in the arena given to the parser and dies
 *    with it. Lists are (items, count); items may be NULL when count is 0.
 *  - Child pointers are never NULL unless the field's comment says it is optional.
 *  - Depth: the parser rejects (RangeError "Maximum nesting depth exceeded") any source whose
 *    tree is deeper than ST_AST_MAX_DEPTH nodes (the root is at depth 1; list groups do not
 *    count), long left-nested chains such as a+b+c+... or a.b.c... included: it measures the
 *    finished tree (st_ast_find_too_deep). So a walker that recurses once per node needs at
 *    most ST_AST_MAX_DEPTH frames: at 200 bytes a frame, 400 KB.
 *  - Patterns are pattern nodes. After the cover grammar is resolved no OBJECT or ARRAY
 *    literal stands where a pattern belongs: binding contexts (declarations, parameters, catch)
 *    hold BINDING, OBJECT_PATTERN, ARRAY_PATTERN and ASSIGN_PATTERN (a default); assignment
 *    contexts (`[a, b.c] = x`, for-in/of heads) hold the same patterns with IDENT, MEMBER,
 *    INDEX, SUPER_MEMBER and SUPER_INDEX targets instead of BINDING.
 *  - Names are interned per parse (StNameTable): two identifiers spell the same name iff their
 *    StName pointers are equal.
 *  - Fields named `scope` are placeholders for scope analysis, and so is an identifier's
 *    binding (st_ast_ident_bind); the parser leaves them NULL.
 *  - Optional chains use a wrapper: OPTIONAL_CHAIN marks how far a `?.` short-circuits, and
 *    inside it the MEMBER, INDEX and CALL nodes that follow a `?.` have `optional` set. So
 *    `a?.b.c()` is (optional_chain (call (member c (member? b (ident a))))) and evaluates to
 *    undefined as soon as an optional link finds null or undefined.
 */
#ifndef ST_FRONTEND_AST_H
#define ST_FRONTEND_AST_H

#include "frontend/lines.h"
#include "frontend/token.h"
#include "support/arena.h"

#include <stdio.h>

/* See "Depth" above. (The parser's own recursion has its own, smaller bound; see
 * frontend/parser_internal.h.) */
#define ST_AST_MAX_DEPTH 2000

struct StScope;   /* scope analysis (frontend/scope.h) */
struct StBinding; /* ditto: what an identifier resolves to */

/* ---- Names ----------------------------------------------------------------------------- */

typedef struct StName {
  const char *str;      /* NUL-terminated UTF-8 (identifiers are always valid Unicode) */
  uint32_t len;         /* bytes, without the NUL */
  uint32_t hash;
  uint16_t token;       /* the reserved word's token kind (ST_TOK_IF ...), else ST_TOK_IDENT */
  uint16_t flags;       /* ST_AST_NAME_* */
  void *user;           /* free for one pass at a time; the parser leaves it NULL */
  struct StName *chain; /* hash bucket chain */
} StName;

enum {
  ST_AST_NAME_STRICT_RESERVED = 1, /* implements interface let package private protected
                                      public static yield: not identifiers in strict code */
};

/* Names the parser (and later passes) compare against; atom[ST_AST_ATOM_LET] is "let". */
#define ST_AST_ATOMS(X) \
  X(LET, "let") X(STATIC, "static") X(ASYNC, "async") X(AWAIT, "await") X(OF, "of") \
  X(GET, "get") X(SET, "set") X(YIELD, "yield") X(TARGET, "target") \
  X(ARGUMENTS, "arguments") X(EVAL, "eval") X(CONSTRUCTOR, "constructor") \
  X(PROTOTYPE, "prototype") X(PROTO, "__proto__") X(IMPLEMENTS, "implements") \
  X(INTERFACE, "interface") X(PACKAGE, "package") X(PRIVATE, "private") \
  X(PROTECTED, "protected") X(PUBLIC, "public") X(UNDEFINED, "undefined") X(META, "meta")

typedef enum StAstAtom {
#define ST_AST_ATOM_ENUM(id, s) ST_AST_ATOM_##id,
  ST_AST_ATOMS(ST_AST_ATOM_ENUM)
#undef ST_AST_ATOM_ENUM
  ST_AST_ATOM__COUNT
} StAstAtom;

/* The per-parse intern table (open hashing; buckets and names in the arena). The program node
 * keeps a pointer to it so later passes can intern names ("arguments", "*default*") and get
 * the same pointers the parser used. */
typedef struct StNameTable {
  StArena *arena;
  StName **buckets;
  uint32_t mask, count;
  const StName *atom[ST_AST_ATOM__COUNT];
} StNameTable;

void st_ast_names_init(StNameTable *t, StArena *arena);
/* Interns s[0..len) (UTF-8, no NUL needed); hash may be computed by st_ast_name_hash. */
const StName *st_ast_name(StNameTable *t, const char *s, size_t len);
const StName *st_ast_name_hashed(StNameTable *t, const char *s, size_t len, uint32_t hash);
uint32_t st_ast_name_hash(const char *s, size_t len);

/* ---- Strings --------------------------------------------------------------------------- */

/* A string literal's value: UTF-16 code units (lone surrogates allowed), in the arena.
 * one_byte is set when every unit is < 256, so the compiler can make a one-byte string. */
typedef struct StStr {
  const uint16_t *units;
  uint32_t len;
  bool one_byte;
} StStr;

/* ---- Nodes ----------------------------------------------------------------------------- */

/* X(KIND, StructName, "dump name"). Grouped: program and statements, declarations,
 * expressions, patterns and the pieces of lists. */
#define ST_AST_NODES(X) \
  X(PROGRAM, StProgram, "program") \
  /* statements */ \
  X(VAR_DECL, StVarDecl, "var_decl") \
  X(FUNCTION_DECL, StAstFunction, "function_decl") \
  X(CLASS_DECL, StClass, "class_decl") \
  X(EXPR_STMT, StExprStmt, "expr_stmt") \
  X(BLOCK, StBlock, "block") \
  X(EMPTY, StNode, "empty") \
  X(IF, StIf, "if") \
  X(FOR, StFor, "for") \
  X(FOR_IN, StForIn, "for_in") \
  X(FOR_OF, StForIn, "for_of") \
  X(WHILE, StWhile, "while") \
  X(DO_WHILE, StWhile, "do_while") \
  X(CONTINUE, StJump, "continue") \
  X(BREAK, StJump, "break") \
  X(RETURN, StReturn, "return") \
  X(THROW, StReturn, "throw") \
  X(TRY, StTry, "try") \
  X(SWITCH, StSwitch, "switch") \
  X(LABELED, StLabeled, "labeled") \
  X(DEBUGGER, StNode, "debugger") \
  /* expressions */ \
  X(IDENT, StIdent, "ident") \
  X(NUMBER, StNumber, "number") \
  X(STRING, StAstString, "string") \
  X(TEMPLATE, StTemplate, "template") \
  X(TRUE, StNode, "true") \
  X(FALSE, StNode, "false") \
  X(NULL, StNode, "null") \
  X(THIS, StNode, "this") \
  X(ARRAY, StArray, "array") \
  X(OBJECT, StAstObject, "object") \
  X(FUNCTION_EXPR, StAstFunction, "function_expr") \
  X(ARROW, StAstFunction, "arrow") \
  X(CLASS_EXPR, StClass, "class_expr") \
  X(UNARY, StUnary, "unary") \
  X(UPDATE, StUpdate, "update") \
  X(BINARY, StBinary, "binary") \
  X(LOGICAL, StBinary, "logical") \
  X(ASSIGN, StAssign, "assign") \
  X(COMPOUND_ASSIGN, StAssign, "compound_assign") \
  X(LOGICAL_ASSIGN, StAssign, "logical_assign") \
  X(CONDITIONAL, StConditional, "conditional") \
  X(SEQUENCE, StSequence, "sequence") \
  X(CALL, StCall, "call") \
  X(NEW, StCall, "new") \
  X(MEMBER, StMember, "member") \
  X(INDEX, StIndex, "index") \
  X(OPTIONAL_CHAIN, StOptionalChain, "optional_chain") \
  X(SUPER_CALL, StCall, "super_call") \
  X(SUPER_MEMBER, StMember, "super_member") \
  X(SUPER_INDEX, StIndex, "super_index") \
  X(NEW_TARGET, StNode, "new_target") \
  X(AWAIT, StUnary, "await") \
  X(SPREAD, StUnary, "spread") \
  X(NATIVE_CALL, StNativeCall, "native_call") \
  /* patterns */ \
  X(BINDING, StIdent, "binding") \
  X(OBJECT_PATTERN, StObjectPattern, "object_pattern") \
  X(ARRAY_PATTERN, StArrayPattern, "array_pattern") \
  X(ASSIGN_PATTERN, StAssignPattern, "assign_pattern") \
  /* pieces of lists */ \
  X(DECLARATOR, StDeclarator, "declarator") \
  X(PROPERTY, StProperty, "property") \
  X(PATTERN_PROPERTY, StProperty, "pattern_property") \
  X(PROPERTY_NAME, StPropertyName, "name") \
  X(CASE, StCase, "case") \
  X(CLASS_METHOD, StClassMember, "class_method") \
  X(CLASS_FIELD, StClassMember, "class_field")

typedef enum StNodeKind {
#define ST_AST_KIND_ENUM(kind, type, name) ST_AST_##kind,
  ST_AST_NODES(ST_AST_KIND_ENUM)
#undef ST_AST_KIND_ENUM
  ST_AST__COUNT
} StNodeKind;

/* The common header, 8 bytes (an 8 MB script makes about 1.5 million nodes). Only the byte
 * offset is kept: line and column come from the source's line table (st_ast_pos, see
 * frontend/lines.h), which only diagnostics, dumps and the bytecode line table need. `paren`
 * records that the expression was written in parentheses, which matters for a few rules
 * (`(a) = 1` is fine, `({a}) = 1` is not; `(a ?? b) || c`). The other 22 bits hold the small
 * fields of some kinds (an operator, a flag), declared with ST_AST_HEADER below, so that such
 * a node is no bigger than its pointers plus 8 bytes. */
typedef struct StNode {
  uint32_t kind : 8;   /* StNodeKind */
  uint32_t paren : 1;
  uint32_t spare : 1;  /* parser-private scratch bit */
  uint32_t small : 22; /* the kind's own small fields (ST_AST_HEADER) */
  uint32_t offset;
} StNode;

/* A node struct's header with small fields in its spare bits: `h` is the StNode and the
 * fields (bit-fields of uint32_t, 22 bits in all) are members of the node, e.g.
 *   typedef struct StBinary { ST_AST_HEADER(uint32_t op : 16); StNode *left, *right; } StBinary;
 * The unnamed 10 bits skip kind, paren and spare (both structs lay out bit-fields of one
 * uint32_t from the same end; the unit tests check it). */
#define ST_AST_HEADER(...)                                                                         \
  union {                                                                                          \
    StNode h;                                                                                      \
    struct {                                                                                       \
      uint32_t : 10;                                                                               \
      __VA_ARGS__;                                                                                 \
    };                                                                                             \
  }

typedef struct StNodeList {
  StNode **items;
  uint32_t count;
} StNodeList;

/* Variable declaration kinds (StVarDecl.kind). */
typedef enum StDeclKind { ST_AST_VAR, ST_AST_LET, ST_AST_CONST } StDeclKind;

/* What a function is (StAstFunction.method_kind). */
typedef enum StMethodKind {
  ST_AST_METHOD_NONE,         /* function declaration or expression, or arrow */
  ST_AST_METHOD_METHOD,       /* object literal or class method: has a home object */
  ST_AST_METHOD_GETTER,
  ST_AST_METHOD_SETTER,
  ST_AST_METHOD_CONSTRUCTOR,  /* class constructor of a base class */
  ST_AST_METHOD_DERIVED_CONSTRUCTOR, /* class constructor of a class with `extends` */
  ST_AST_METHOD_FIELD_INIT,   /* a class field's initializer (see StClassMember) */
} StMethodKind;

/* StAstFunction.flags (and the subset meaningful for StProgram.flags). The USES_* and
 * HAS_DIRECT_EVAL flags are cheap syntactic facts: `this`, `arguments`, super property,
 * super(), new.target written in the function's own code or inside an arrow nested in it
 * (arrows see their enclosing function's; the arrow itself gets the flag too). USES_ARGUMENTS
 * means the identifier `arguments` is referenced; scope analysis decides whether it means the
 * arguments object. A direct eval (a call `eval(...)`, not `(0, eval)(...)` nor `eval?.()`)
 * sets HAS_DIRECT_EVAL on the function that contains it and CONTAINS_DIRECT_EVAL on every
 * enclosing function, which must then keep all its variables in a heap context. */
enum {
  ST_AST_FN_ARROW = 1 << 0,
  ST_AST_FN_ASYNC = 1 << 1,
  ST_AST_FN_EXPRESSION_BODY = 1 << 2, /* arrow with a concise body: body = [return expr] */
  ST_AST_FN_USE_STRICT = 1 << 3,      /* its own body has a "use strict" directive */
  ST_AST_FN_STRICT = 1 << 4,          /* strict mode code (directive, enclosing, or class) */
  ST_AST_FN_SIMPLE_PARAMS = 1 << 5,   /* plain identifiers only: no defaults, rest, patterns */
  ST_AST_FN_DUPLICATE_PARAMS = 1 << 6,/* sloppy `function (a, a)`: the last one wins */
  ST_AST_FN_USES_THIS = 1 << 7,
  ST_AST_FN_USES_ARGUMENTS = 1 << 8,
  ST_AST_FN_USES_SUPER_PROPERTY = 1 << 9,
  ST_AST_FN_USES_SUPER_CALL = 1 << 10,
  ST_AST_FN_USES_NEW_TARGET = 1 << 11,
  ST_AST_FN_HAS_DIRECT_EVAL = 1 << 12,
  ST_AST_FN_CONTAINS_DIRECT_EVAL = 1 << 13,
  ST_AST_FN_STATIC = 1 << 14,         /* a static class method or static field initializer */
  ST_AST_FN_CLASS_MEMBER = 1 << 15,   /* a class method, accessor, constructor or field init */
  ST_AST_FN_ANNEX_B = 1 << 16,        /* set by scope analysis: a sloppy block-level function
                                         declaration also assigned to its function's var of the
                                         same name when evaluated (Annex B.3.3) */
};

/* A script. `this_props` is as in StAstFunction, for `this.x = ...` at top level (rarely
 * useful); flags: ST_AST_FN_STRICT, USE_STRICT, USES_THIS, HAS_DIRECT_EVAL. */
typedef struct StProgram {
  StNode h;
  StNodeList body;
  StNameTable *names;
  uint32_t flags;
  uint32_t src_len;
  struct StScope *scope;
  /* The arena of the tree. The program node and the name table live in its side arena
   * (st_arena_side); stmt_marks[i] (NULL when the parse failed or the body is empty) is an
   * arena mark such that every chunk numbered below it holds only memory of statements 0..i:
   * once those are compiled, and nothing reads their nodes again, st_arena_release_before
   * may free it. Scope analysis allocates after the parse, so its data always survives. */
  StArena *arena;
  uint32_t *stmt_marks;
  StLineTable *lines; /* positions of the source (in the side arena) */
} StProgram;

/* FUNCTION_DECL, FUNCTION_EXPR and ARROW; also every method, accessor, constructor and field
 * initializer (as FUNCTION_EXPR with method_kind set). */
typedef struct StAstFunction {
  /* method_kind: StMethodKind; length: the function's `length`, the params before the first default
   * or rest */
  ST_AST_HEADER(uint32_t method_kind : 3; uint32_t length : 16);
  uint32_t flags;          /* ST_AST_FN_* */
  uint32_t this_props; /* distinct names assigned as `this.name = ...` in its code */
  StNode *name;            /* BINDING, optional: declarations and named expressions only */
  StNodeList params;       /* BINDING, OBJECT_PATTERN, ARRAY_PATTERN, ASSIGN_PATTERN */
  StNode *rest;            /* the rest parameter's pattern, optional */
  StNodeList body; /* statements; for EXPRESSION_BODY arrows one RETURN */
  uint32_t src_start;      /* byte range of the source text, for Function.prototype.toString */
  uint32_t src_end;
  struct StScope *scope;   /* the function scope (parameters and body) */
} StAstFunction;

/* CLASS_DECL and CLASS_EXPR. The class body is strict. */
typedef struct StClass {
  StNode h;
  uint32_t instance_fields; /* counts of CLASS_FIELD members */
  uint32_t static_fields;
  StNode *name;            /* BINDING, optional for expressions */
  StNode *heritage;        /* the `extends` expression, optional */
  StAstFunction *constructor; /* optional: without it the compiler makes the default one */
  StNodeList members; /* CLASS_METHOD and CLASS_FIELD in source order, no
                         constructor */
  uint32_t src_start, src_end;
  struct StScope *scope;   /* the class scope (holds the inner name binding) */
} StClass;

/* CLASS_METHOD (kind GETTER/SETTER/METHOD via value->method_kind) and CLASS_FIELD. A field's
 * initializer is its own function (method_kind FIELD_INIT, EXPRESSION_BODY, no params) so
 * that `this`, super.x and the scope of the initializer are those of a method; `value` is NULL
 * for a field without initializer. key: PROPERTY_NAME, STRING or NUMBER, or any expression
 * when computed (evaluated once, at class definition time, in the class scope). */
typedef struct StClassMember {
  ST_AST_HEADER(uint32_t computed : 1; uint32_t is_static : 1);
  StNode *key;
  StAstFunction *value;
} StClassMember;

typedef struct StVarDecl {
  ST_AST_HEADER(uint32_t kind : 2); /* StDeclKind */
  StNodeList decls;        /* DECLARATOR */
} StVarDecl;

typedef struct StDeclarator {
  StNode h;
  StNode *target;          /* BINDING or a binding pattern */
  StNode *init;            /* optional */
} StDeclarator;

/* EXPR_STMT. `directive` is set for the string statements of a directive prologue. */
typedef struct StExprStmt {
  ST_AST_HEADER(uint32_t directive : 1);
  StNode *expr;
} StExprStmt;

typedef struct StBlock {
  StNode h;
  StNodeList body;
  struct StScope *scope;   /* NULL when it would be empty (see frontend/scope.h) */
} StBlock;

typedef struct StIf {
  StNode h;
  StNode *test, *then, *otherwise; /* otherwise optional. A sloppy-mode function declaration
                                      as a branch comes wrapped in a BLOCK (Annex B). */
} StIf;

typedef struct StFor {
  StNode h;
  StNode *init;            /* optional: VAR_DECL or an expression */
  StNode *test, *update;   /* optional */
  StNode *body;
  struct StScope *scope;   /* the scope of a let/const head (one copy per iteration) */
} StFor;

/* FOR_IN and FOR_OF. left: a VAR_DECL with exactly one declarator (whose init is NULL, except
 * the sloppy-mode Annex B form `for (var x = e in o)`), or an assignment target/pattern. */
typedef struct StForIn {
  StNode h;
  StNode *left, *right, *body;
  struct StScope *scope;
} StForIn;

typedef struct StWhile {
  StNode h;
  StNode *test, *body;
} StWhile;

/* BREAK and CONTINUE. target is the statement they leave or continue, resolved by the parser:
 * for `break` the innermost loop or switch, or the LABELED node of its label; for `continue`
 * the loop (of the label, if any). */
typedef struct StJump {
  StNode h;
  const StName *label;     /* optional */
  StNode *target;
} StJump;

/* RETURN (arg optional) and THROW. */
typedef struct StReturn {
  StNode h;
  StNode *arg;
} StReturn;

typedef struct StTry {
  StNode h;
  StBlock *block;
  StNode *param;           /* optional (also without a catch, or `catch {`) */
  StBlock *handler;        /* optional; its scope also holds the catch parameter */
  StBlock *finalizer;      /* optional; handler or finalizer is present */
} StTry;

typedef struct StSwitch {
  StNode h;
  StNode *disc;
  StNodeList cases;        /* CASE */
  struct StScope *scope;   /* one block scope for all cases */
} StSwitch;

typedef struct StCase {
  StNode h;
  StNode *test;            /* optional: NULL for `default:` */
  StNodeList body;
} StCase;

typedef struct StLabeled {
  StNode h;
  const StName *label;
  StNode *body;
} StLabeled;

/* IDENT (a reference) and BINDING (a declaration of a name). */
/* 16 bytes (a third of all nodes are identifiers): the node holds its name until scope analysis
 * resolves it, then the binding it refers to (`resolved` set), whose name is the same StName. So
 * read them with st_ast_ident_name and st_ast_ident_binding (NULL while unresolved, and for names
 * that resolve to the global object) and set the binding with st_ast_ident_bind. */
typedef struct StIdent {
  ST_AST_HEADER(uint32_t resolved : 1);
  union {
    const StName *name;
    struct StBinding *binding;
  } u;
} StIdent;

/* A binding starts with its name (frontend/scope.h checks it). */
ST_INLINE const StName *st_ast_ident_name(const StIdent *id) {
  return id->resolved ? *(const StName *const *)(const void *)id->u.binding : id->u.name;
}
ST_INLINE struct StBinding *st_ast_ident_binding(const StIdent *id) {
  return id->resolved ? id->u.binding : NULL;
}
/* b NULL: unresolved again (a global). b's name must be the identifier's. */
ST_INLINE void st_ast_ident_bind(StIdent *id, struct StBinding *b) {
  const StName *name = st_ast_ident_name(id);
  ST_ASSERT(!b || *(const StName *const *)(const void *)b == name, "binding of another name");
  if (b) {
    id->u.binding = b;
    id->resolved = 1;
  } else {
    id->u.name = name;
    id->resolved = 0;
  }
}

typedef struct StNumber {
  StNode h;
  double value;
} StNumber;

typedef struct StAstString {
  StNode h;
  StStr value;
} StAstString;

/* A template literal: count quasis and count - 1 expressions, quasi i before expression i.
 * cooked[i] is the value, raw[i] the source text (CR and CRLF normalized to LF). */
typedef struct StTemplate {
  StNode h;
  uint32_t count;
  StStr *cooked, *raw;
  StNodeList exprs;
} StTemplate;

/* ARRAY: elements with NULL for holes and SPREAD for `...x`. */
typedef struct StArray {
  StNode h;
  StNodeList elems;
} StArray;

/* OBJECT: PROPERTY and SPREAD nodes. */
typedef struct StAstObject {
  StNode h;
  StNodeList props;
} StAstObject;

/* Property kinds (StProperty.kind). */
typedef enum StPropKind {
  ST_AST_PROP_INIT,      /* key: value */
  ST_AST_PROP_SHORTHAND, /* { x }: value is the IDENT */
  ST_AST_PROP_METHOD,    /* value is a FUNCTION_EXPR (method_kind METHOD) */
  ST_AST_PROP_GET,
  ST_AST_PROP_SET,
  ST_AST_PROP_PROTO,     /* __proto__: value (sets the prototype; at most one per literal) */
} StPropKind;

/* PROPERTY (in OBJECT) and PATTERN_PROPERTY (in OBJECT_PATTERN; kind INIT or SHORTHAND, value
 * a pattern or target, possibly an ASSIGN_PATTERN). key: PROPERTY_NAME, STRING, NUMBER, or any
 * expression when computed. */
typedef struct StProperty {
  ST_AST_HEADER(uint32_t kind : 3; uint32_t computed : 1); /* kind: StPropKind */
  StNode *key;
  StNode *value;
} StProperty;

/* A non-computed identifier-name key (`a` in {a: 1}, also `if` in {if: 1}). */
typedef struct StPropertyName {
  StNode h;
  const StName *name;
} StPropertyName;

/* UNARY (op: MINUS PLUS BANG TILDE TYPEOF VOID DELETE), AWAIT and SPREAD. */
typedef struct StUnary {
  ST_AST_HEADER(uint32_t op : 16); /* StTokenKind */
  StNode *arg;
} StUnary;

/* UPDATE: op INC or DEC. */
typedef struct StUpdate {
  ST_AST_HEADER(uint32_t op : 16; uint32_t prefix : 1);
  StNode *arg;             /* IDENT, MEMBER, INDEX, SUPER_MEMBER or SUPER_INDEX */
} StUpdate;

/* BINARY (op: the operator's token, e.g. ST_TOK_PLUS, ST_TOK_INSTANCEOF, ST_TOK_STAR_STAR) and
 * LOGICAL (AND_AND, OR_OR, NULLISH). */
typedef struct StBinary {
  ST_AST_HEADER(uint32_t op : 16);
  StNode *left, *right;
} StBinary;

/* ASSIGN (op ASSIGN; target may be a pattern), COMPOUND_ASSIGN (op: the binary operator, e.g.
 * ST_TOK_PLUS for +=) and LOGICAL_ASSIGN (op AND_AND, OR_OR or NULLISH). target of the last two
 * is IDENT, MEMBER, INDEX, SUPER_MEMBER or SUPER_INDEX. */
typedef struct StAssign {
  ST_AST_HEADER(uint32_t op : 16);
  StNode *target, *value;
} StAssign;

typedef struct StConditional {
  StNode h;
  StNode *test, *then, *otherwise;
} StConditional;

typedef struct StSequence {
  StNode h;
  StNodeList exprs;        /* at least two */
} StSequence;

/* CALL, NEW (args may be empty for `new X`) and SUPER_CALL (callee NULL). args may contain
 * SPREAD. direct_eval: a CALL whose callee is the plain identifier `eval`, not optional. */
typedef struct StCall {
  ST_AST_HEADER(uint32_t optional : 1; uint32_t direct_eval : 1); /* optional: `f?.()` */
  StNode *callee;
  StNodeList args;
} StCall;

/* MEMBER `obj.name` and SUPER_MEMBER `super.name` (object NULL). */
typedef struct StMember {
  ST_AST_HEADER(uint32_t optional : 1); /* `obj?.name` */
  StNode *object;
  const StName *name;
} StMember;

/* INDEX `obj[index]` and SUPER_INDEX `super[index]` (object NULL). */
typedef struct StIndex {
  ST_AST_HEADER(uint32_t optional : 1); /* `obj?.[index]` */
  StNode *object, *index;
} StIndex;

/* NATIVE_CALL: `%Name(args)`, only with StParseOptions.allow_natives_syntax (V8's
 * --allow-natives-syntax test hooks, e.g. %OptimizeFunctionOnNextCall(f)). */
typedef struct StNativeCall {
  StNode h;
  const StName *name;
  StNodeList args;
} StNativeCall;

typedef struct StOptionalChain {
  StNode h;
  StNode *expr;
} StOptionalChain;

/* OBJECT_PATTERN: PATTERN_PROPERTY nodes, then an optional rest target (BINDING in binding
 * patterns; any simple assignment target in assignment patterns). */
typedef struct StObjectPattern {
  StNode h;
  StNodeList props;
  StNode *rest;
} StObjectPattern;

/* ARRAY_PATTERN: elements (NULL for holes; patterns, targets or ASSIGN_PATTERN), then an
 * optional rest pattern. */
typedef struct StArrayPattern {
  StNode h;
  StNodeList elems;
  StNode *rest;
} StArrayPattern;

/* target = def, where def applies when the value is undefined. */
typedef struct StAssignPattern {
  StNode h;
  StNode *target, *def;
} StAssignPattern;

/* ---- Constructors and helpers ---------------------------------------------------------- */

/* A zeroed node of the given kind and size at the given byte offset. The parser uses its own faster
 * allocator with the same contract; these are for passes that synthesize nodes. */
StNode *st_ast_new(StArena *arena, StNodeKind kind, size_t size, uint32_t offset);
#define ST_AST_NEW(arena, T, kind, offset) ((T *)st_ast_new((arena), (kind), sizeof(T), (offset)))

/* Line and column of a node (see the position rules at the top). */
ST_INLINE StPos st_ast_pos(StLineTable *lines, const StNode *n) {
  return st_lines_pos(lines, n->offset);
}

const char *st_ast_kind_name(StNodeKind kind);

/* Calls fn on every non-NULL child of n, in source order (the dumper's order). */
typedef void (*StAstVisitFn)(StNode *child, void *ctx);
void st_ast_visit_children(StNode *n, StAstVisitFn fn, void *ctx);

/* The depth of the tree under n (1 for a leaf); recursive, for tests and the fuzzer. */
uint32_t st_ast_depth(const StNode *n);
/* A node deeper than limit under root (root at depth 1), or NULL; iterative, any depth. */
const StNode *st_ast_find_too_deep(const StNode *root, uint32_t limit);

/* Stable S-expression dump, one node per line, children indented by two spaces:
 *   (var_decl let @1:1
 *     (declarator @1:5
 *       (binding x @1:5)
 *       (number 1 @1:9)))
 * An absent optional child in a fixed slot prints as `-`. */
void st_ast_dump(FILE *out, const StNode *root); /* root: a PROGRAM (or NULL) */
/* The same for any subtree, with the line table of its program. */
void st_ast_dump_node(FILE *out, StLineTable *lines, const StNode *n);

#endif
