/* tests/unit/test_parser.c: the parser (frontend/parser.h) through the AST it builds: operator
 * precedence and associativity, ASI and restricted productions, the cover grammar (arrows,
 * destructuring assignment), function and class metadata (flags, length, this_props, source
 * ranges), positions, early errors with their messages and positions, and the nesting limits.
 * Expected trees are written in a compact form of st_ast_dump (positions dropped, one line). */
#include "frontend/parser.h"
#include "tests/unit/check.h"

#include <stdlib.h>
#include <string.h>

typedef struct Parsed {
  StArena arena;
  StDiagList diags;
  StProgram *prog;
  char err[300]; /* "SyntaxError: message @line:col" or "" */
} Parsed;

static Parsed *parse_opts(const char *src, size_t len, const StParseOptions *opt) {
  Parsed *P = calloc(1, sizeof *P);
  st_arena_init(&P->arena);
  P->prog = (StProgram *)st_parser_parse_program(&P->arena, src, len, opt, &P->diags);
  if (P->diags.items.len) {
    StDiag *d = &P->diags.items.data[0];
    snprintf(P->err, sizeof P->err, "%s: %s @%u:%u", st_diag_kind_name(d->kind), d->message, d->line, d->col);
  }
  return P;
}

static Parsed *parse(const char *src) {
  StParseOptions opt = {0};
  return parse_opts(src, strlen(src), &opt);
}

static void done(Parsed *P) {
  st_diag_free(&P->diags);
  st_arena_free(&P->arena);
  free(P);
}

/* st_ast_dump of n, made compact: positions removed (unless keep_pos) and the lines joined. */
static char *dump(StLineTable *lines, const StNode *n, bool keep_pos) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  st_ast_dump_node(f, lines, n);
  fclose(f);
  char *out = malloc(len + 1);
  size_t o = 0;
  for (size_t i = 0; i < len; i++) {
    if (!keep_pos && buf[i] == ' ' && buf[i + 1] == '@') {
      i++;
      while (i + 1 < len && (buf[i + 1] == ':' || (buf[i + 1] >= '0' && buf[i + 1] <= '9'))) i++;
      continue;
    }
    if (buf[i] == '\n') {
      while (i + 1 < len && buf[i + 1] == ' ') i++;
      if (i + 1 < len) out[o++] = ' ';
      continue;
    }
    out[o++] = buf[i];
  }
  out[o] = 0;
  free(buf);
  return out;
}

/* The compact dump of the program's statements (without the program node). */
static char *body_dump(Parsed *P, bool keep_pos) {
  if (!P->prog) return strdup(P->err);
  size_t cap = 4096, len = 0;
  char *out = malloc(cap);
  out[0] = 0;
  for (uint32_t i = 0; i < P->prog->body.count; i++) {
    char *d = dump(P->prog->lines, P->prog->body.items[i], keep_pos);
    size_t n = strlen(d);
    while (len + n + 2 > cap) out = realloc(out, cap *= 2);
    if (len) out[len++] = ' ';
    memcpy(out + len, d, n + 1);
    len += n;
    free(d);
  }
  return out;
}

#define EXPECT_TREE(src, expected) \
  do { \
    Parsed *P_ = parse(src); \
    char *d_ = body_dump(P_, false); \
    ST_EXPECT_EQ_STR(d_, expected); \
    free(d_); \
    done(P_); \
  } while (0)

#define EXPECT_TREE_POS(src, expected) \
  do { \
    Parsed *P_ = parse(src); \
    char *d_ = body_dump(P_, true); \
    ST_EXPECT_EQ_STR(d_, expected); \
    free(d_); \
    done(P_); \
  } while (0)

#define EXPECT_ERROR(src, expected) \
  do { \
    Parsed *P_ = parse(src); \
    ST_EXPECT(P_->prog == NULL); \
    ST_EXPECT_EQ_STR(P_->err, expected); \
    done(P_); \
  } while (0)

#define EXPECT_OK(src) \
  do { \
    Parsed *P_ = parse(src); \
    ST_EXPECT_EQ_STR(P_->err, ""); \
    ST_EXPECT(P_->prog != NULL); \
    done(P_); \
  } while (0)

/* ---- expressions ----------------------------------------------------------------------- */

static void test_precedence(void) {
  EXPECT_TREE("a + b * c;", "(expr_stmt (binary + (ident a) (binary * (ident b) (ident c))))");
  EXPECT_TREE("a * b + c;", "(expr_stmt (binary + (binary * (ident a) (ident b)) (ident c)))");
  EXPECT_TREE("a - b - c;", "(expr_stmt (binary - (binary - (ident a) (ident b)) (ident c)))");
  EXPECT_TREE("a ** b ** c;", "(expr_stmt (binary ** (ident a) (binary ** (ident b) (ident c))))");
  EXPECT_TREE("(-a) ** b;", "(expr_stmt (binary ** (unary - paren (ident a)) (ident b)))");
  EXPECT_TREE("a || b && c | d ^ e & f == g < h << i + j * k;",
              "(expr_stmt (logical || (ident a) (logical && (ident b) (binary | (ident c) (binary ^ (ident d) "
              "(binary & (ident e) (binary == (ident f) (binary < (ident g) (binary << (ident h) "
              "(binary + (ident i) (binary * (ident j) (ident k))))))))))))");
  EXPECT_TREE("a ?? b ?? c;", "(expr_stmt (logical ?? (logical ?? (ident a) (ident b)) (ident c)))");
  EXPECT_TREE("(a || b) ?? c;", "(expr_stmt (logical ?? (logical || paren (ident a) (ident b)) (ident c)))");
  EXPECT_TREE("a ? b : c ? d : e;",
              "(expr_stmt (conditional (ident a) (ident b) (conditional (ident c) (ident d) (ident e))))");
  EXPECT_TREE("a = b = c;", "(expr_stmt (assign = (ident a) (assign = (ident b) (ident c))))");
  EXPECT_TREE("a += b -= c;", "(expr_stmt (compound_assign += (ident a) (compound_assign -= (ident b) (ident c))))");
  EXPECT_TREE("a &&= b; a ||= c; a ?\?= d; a **= e; a >>>= f;",
              "(expr_stmt (logical_assign &&= (ident a) (ident b))) (expr_stmt (logical_assign ||= (ident a) (ident c))) "
              "(expr_stmt (logical_assign ?\?= (ident a) (ident d))) (expr_stmt (compound_assign **= (ident a) (ident e))) "
              "(expr_stmt (compound_assign >>>= (ident a) (ident f)))");
  EXPECT_TREE("a, b, c;", "(expr_stmt (sequence (ident a) (ident b) (ident c)))");
  EXPECT_TREE("typeof void delete a.b;",
              "(expr_stmt (unary typeof (unary void (unary delete (member b (ident a))))))");
  EXPECT_TREE("!-+~a;", "(expr_stmt (unary ! (unary - (unary + (unary ~ (ident a))))))");
  EXPECT_TREE("a instanceof b in c;", "(expr_stmt (binary in (binary instanceof (ident a) (ident b)) (ident c)))");
  EXPECT_TREE("++a.b; a[0]--;",
              "(expr_stmt (update ++ prefix (member b (ident a)))) (expr_stmt (update -- postfix (index (ident a) (number 0))))");
}

static void test_members_calls_new(void) {
  EXPECT_TREE("a.b[c](d)(e).f;",
              "(expr_stmt (member f (call (call (index (member b (ident a)) (ident c)) (ident d)) (ident e))))");
  EXPECT_TREE("new a.b(c).d;", "(expr_stmt (member d (new (member b (ident a)) (ident c))))");
  EXPECT_TREE("new new X()();", "(expr_stmt (new (new (ident X))))");
  EXPECT_TREE("new X;", "(expr_stmt (new (ident X)))");
  EXPECT_TREE("new X()();", "(expr_stmt (call (new (ident X))))");
  EXPECT_TREE("a.if.class.new;", "(expr_stmt (member new (member class (member if (ident a)))))");
  EXPECT_TREE("f(...a, b, ...c);", "(expr_stmt (call (ident f) (spread (ident a)) (ident b) (spread (ident c))))");
  EXPECT_TREE("f(a,);", "(expr_stmt (call (ident f) (ident a)))");
  EXPECT_TREE("eval(x); (eval)(y); (0, eval)(z); eval?.(w);",
              "(expr_stmt (call direct_eval (ident eval) (ident x))) (expr_stmt (call direct_eval (ident eval paren) (ident y))) "
              "(expr_stmt (call (sequence paren (number 0) (ident eval)) (ident z))) "
              "(expr_stmt (optional_chain (call optional (ident eval) (ident w))))");
}

static void test_optional_chains(void) {
  EXPECT_TREE("a?.b.c();", "(expr_stmt (optional_chain (call (member c (member b optional (ident a))))))");
  EXPECT_TREE("a?.[0]?.(1);",
              "(expr_stmt (optional_chain (call optional (index optional (ident a) (number 0)) (number 1))))");
  EXPECT_TREE("(a?.b).c;", "(expr_stmt (member c (optional_chain paren (member b optional (ident a)))))");
  EXPECT_TREE("a ? .5 : b;", "(expr_stmt (conditional (ident a) (number 0.5) (ident b)))");
  EXPECT_ERROR("a?.b = 1;", "SyntaxError: Invalid left-hand side in assignment @1:1");
  EXPECT_ERROR("a?.b++;", "SyntaxError: Invalid left-hand side expression in postfix operation @1:1");
  EXPECT_ERROR("new a?.b;", "SyntaxError: Invalid optional chain from new expression @1:6");
  EXPECT_ERROR("a?.b`c`;", "SyntaxError: Invalid tagged template on optional chain @1:5");
  EXPECT_ERROR("a?.#b;", "SyntaxError: Private class members (#b) are not supported @1:4");
}

static void test_literals(void) {
  EXPECT_TREE("[1, , 2, ...a, ];", "(expr_stmt (array (number 1) (hole) (number 2) (spread (ident a))))");
  EXPECT_TREE("[,];", "(expr_stmt (array (hole)))");
  EXPECT_TREE("x = {a, b: 1, 'c': 2, 3: 4, [d]: 5, e() {}, get f() {}, set f(v) {}, async g() {}, ...h, __proto__: i};",
              "(expr_stmt (assign = (ident x) (object (property shorthand (name a) (ident a)) "
              "(property init (name b) (number 1)) (property init (string \"c\") (number 2)) "
              "(property init (number 3) (number 4)) (property init computed (ident d) (number 5)) "
              "(property method (name e) (function_expr method simple length=0 src=36..42 - (params) (body))) "
              "(property get (name f) (function_expr getter simple length=0 src=44..54 - (params) (body))) "
              "(property set (name f) (function_expr setter simple length=1 src=56..67 - (params (binding v)) (body))) "
              "(property method (name g) (function_expr method async simple length=0 src=69..81 - (params) (body))) "
              "(spread (ident h)) (property proto (name __proto__) (ident i)))))");
  EXPECT_TREE("({get: 1, set, async: 2, get() {}, async});",
              "(expr_stmt (object paren (property init (name get) (number 1)) (property shorthand (name set) (ident set)) "
              "(property init (name async) (number 2)) (property method (name get) (function_expr method simple "
              "length=0 src=25..33 - (params) (body))) (property shorthand (name async) (ident async))))");
  EXPECT_TREE("`a${b}c${d}`;",
              "(expr_stmt (template (quasi \"a\" \"a\") (ident b) (quasi \"c\" \"c\") (ident d) (quasi \"\" \"\")))");
  EXPECT_TREE("`\\n${x}`;", "(expr_stmt (template (quasi \"\\n\" \"\\\\n\") (ident x) (quasi \"\" \"\")))");
  EXPECT_TREE("`${`${a}`}`;",
              "(expr_stmt (template (quasi \"\" \"\") (template (quasi \"\" \"\") (ident a) (quasi \"\" \"\")) (quasi \"\" \"\")))");
  EXPECT_TREE("'\\u00e9\\u20ac';", "(expr_stmt directive (string \"\\u00e9\\u20ac\"))");
  EXPECT_TREE("1e21; 0.000001; 1e-7; 0x10; 1_0.5;",
              "(expr_stmt (number 1e+21)) (expr_stmt (number 0.000001)) (expr_stmt (number 1e-7)) "
              "(expr_stmt (number 16)) (expr_stmt (number 10.5))");
  EXPECT_TREE("this; null; true; false;", "(expr_stmt (this)) (expr_stmt (null)) (expr_stmt (true)) (expr_stmt (false))");
  /* string values: UTF-16 and the one-byte flag */
  Parsed *P = parse("'\\xff'; '\\u0100'; '\\u{1F600}';");
  StAstString *s0 = (StAstString *)((StExprStmt *)P->prog->body.items[0])->expr;
  StAstString *s1 = (StAstString *)((StExprStmt *)P->prog->body.items[1])->expr;
  StAstString *s2 = (StAstString *)((StExprStmt *)P->prog->body.items[2])->expr;
  ST_EXPECT(s0->value.one_byte && s0->value.len == 1 && s0->value.units[0] == 0xff);
  ST_EXPECT(!s1->value.one_byte);
  ST_EXPECT(s2->value.len == 2 && s2->value.units[0] == 0xD83D && s2->value.units[1] == 0xDE00);
  done(P);
}

static void test_unsupported(void) {
  EXPECT_ERROR("x = /ab+c/g;", "SyntaxError: Regular expression literals are not supported yet @1:5");
  EXPECT_TREE("x = a\n/b/g;", "(expr_stmt (assign = (ident x) (binary / (binary / (ident a) (ident b)) (ident g))))");
  EXPECT_ERROR("if (a) /=/.test(b);", "SyntaxError: Regular expression literals are not supported yet @1:8");
  EXPECT_ERROR("function* g() {}", "SyntaxError: Generators are not supported @1:9");
  EXPECT_ERROR("({ *g() {} });", "SyntaxError: Generators are not supported @1:4");
  EXPECT_ERROR("class A { *g() {} }", "SyntaxError: Generators are not supported @1:11");
  EXPECT_ERROR("async function* g() {}", "SyntaxError: Generators are not supported @1:15");
  EXPECT_ERROR("import x from 'y';", "SyntaxError: import declarations are not supported @1:1");
  EXPECT_ERROR("import('y');", "SyntaxError: import() and import.meta are not supported @1:1");
  EXPECT_ERROR("export const x = 1;", "SyntaxError: export declarations are not supported @1:1");
  EXPECT_ERROR("with (o) {}", "SyntaxError: 'with' statements are not supported @1:1");
  EXPECT_ERROR("'use strict'; with (o) {}", "SyntaxError: Strict mode code may not include a with statement @1:15");
  EXPECT_ERROR("tag`x`;", "SyntaxError: Tagged templates are not supported @1:4");
  EXPECT_ERROR("class A { #x = 1 }", "SyntaxError: Private class members (#x) are not supported @1:11");
  EXPECT_ERROR("class A { static { } }", "SyntaxError: Class static blocks are not supported @1:18");
  EXPECT_ERROR("x = 10n;", "SyntaxError: BigInt literals are not supported @1:7");
  EXPECT_ERROR("async function f() { for await (x of y); }", "SyntaxError: for await loops are not supported @1:26");
  EXPECT_ERROR("%Foo(1);", "SyntaxError: Unexpected token '%' @1:1");
  StParseOptions natives = {.allow_natives_syntax = true};
  Parsed *P = parse_opts("%Foo(1, a);", 11, &natives);
  char *d = body_dump(P, false);
  ST_EXPECT_EQ_STR(d, "(expr_stmt (native_call Foo (number 1) (ident a)))");
  free(d);
  done(P);
}

/* ---- ASI and restricted productions ---------------------------------------------------- */

static void test_asi(void) {
  EXPECT_TREE("a\n++b", "(expr_stmt (ident a)) (expr_stmt (update ++ prefix (ident b)))");
  EXPECT_TREE("a\nb", "(expr_stmt (ident a)) (expr_stmt (ident b))");
  EXPECT_TREE("a = b\n(c)", "(expr_stmt (assign = (ident a) (call (ident b) (ident c))))"); /* no ASI */
  EXPECT_TREE("a = b\n[c]", "(expr_stmt (assign = (ident a) (index (ident b) (ident c))))");
  EXPECT_TREE("function f() { return\na }",
              "(function_decl simple length=0 src=0..25 (binding f) (params) (body (return) (expr_stmt (ident a))))");
  EXPECT_TREE("x: while (1) { break\nx; continue\nx }",
              "(labeled x (while (number 1) (block (break ->while@1:4) (expr_stmt (ident x)) (continue ->while@1:4) "
              "(expr_stmt (ident x)))))");
  EXPECT_TREE("do x; while (0) y", "(do_while (expr_stmt (ident x)) (number 0)) (expr_stmt (ident y))");
  EXPECT_TREE("if (a) b\nelse c", "(if (ident a) (expr_stmt (ident b)) (expr_stmt (ident c)))");
  EXPECT_TREE("let \n x = 1", "(var_decl let (declarator (binding x) (number 1)))");
  EXPECT_TREE("var a = 1, b\nc", "(var_decl var (declarator (binding a) (number 1)) (declarator (binding b))) (expr_stmt (ident c))");
  EXPECT_TREE("a => a\n(b)", "(expr_stmt (arrow expr_body simple length=1 src=0..10 (params (binding a)) "
                              "(body (return (call (ident a) (ident b))))))");
  EXPECT_TREE("a => {}\n(b)", "(expr_stmt (arrow simple length=1 src=0..7 (params (binding a)) (body))) "
                               "(expr_stmt (ident b paren))");
  EXPECT_TREE("{ a } b", "(block (expr_stmt (ident a))) (expr_stmt (ident b))");
  EXPECT_TREE(";;", "(empty) (empty)");
  EXPECT_ERROR("a b", "SyntaxError: Unexpected identifier 'b' @1:3");
  EXPECT_ERROR("throw\na", "SyntaxError: Illegal newline after throw @2:1");
  EXPECT_ERROR("a\n++", "SyntaxError: Unexpected end of input @2:3");
  EXPECT_ERROR("(a, b)\n=> 1", "SyntaxError: Unexpected token '=>' @2:1");
  EXPECT_ERROR("async\nfunction f() { await x }", "SyntaxError: Unexpected identifier 'x' @2:22");
  EXPECT_ERROR("async x\n=> x", "SyntaxError: Unexpected token '=>' @2:1");
  EXPECT_TREE("async\n(x)", "(expr_stmt (call (ident async) (ident x)))");
  EXPECT_ERROR("async\n(x) => x", "SyntaxError: Unexpected token '=>' @2:5");
}

/* ---- statements ------------------------------------------------------------------------ */

static void test_statements(void) {
  EXPECT_TREE("for (var i = 0, n = 1; i < n; i++) ;",
              "(for (var_decl var (declarator (binding i) (number 0)) (declarator (binding n) (number 1))) "
              "(binary < (ident i) (ident n)) (update ++ postfix (ident i)) (empty))");
  EXPECT_TREE("for (;;) {}", "(for - - - (block))");
  EXPECT_TREE("for (let [a, b] of c) ;",
              "(for_of (var_decl let (declarator (array_pattern (binding a) (binding b)))) (ident c) (empty))");
  EXPECT_TREE("for (const k in o) ;", "(for_in (var_decl const (declarator (binding k))) (ident o) (empty))");
  EXPECT_TREE("for (a.b in c) ;", "(for_in (member b (ident a)) (ident c) (empty))");
  EXPECT_TREE("for ([a, b] of c) ;", "(for_of (array_pattern (ident a) (ident b)) (ident c) (empty))");
  EXPECT_TREE("for (let in x) ;", "(for_in (ident let) (ident x) (empty))");
  EXPECT_TREE("for (var x = 1 in o) ;", "(for_in (var_decl var (declarator (binding x) (number 1))) (ident o) (empty))");
  EXPECT_ERROR("for (x of a, b) ;", "SyntaxError: Unexpected token ',' @1:12");
  EXPECT_TREE("for ((x in y);;) ;", "(for (binary in paren (ident x) (ident y)) - - (empty))");
  EXPECT_TREE("switch (x) { case 1: a; b; default: c }",
              "(switch (ident x) (case (number 1) (body (expr_stmt (ident a)) (expr_stmt (ident b)))) "
              "(case default (body (expr_stmt (ident c)))))");
  EXPECT_TREE("try { a } catch { b } finally { c }",
              "(try (block (expr_stmt (ident a))) - (block (expr_stmt (ident b))) (block (expr_stmt (ident c))))");
  EXPECT_TREE("try {} catch ({message}) {}",
              "(try (block) (object_pattern (pattern_property shorthand (name message) (binding message))) (block) -)");
  EXPECT_TREE("a: b: for (;;) { continue a; break b; break; }",
              "(labeled a (labeled b (for - - - (block (continue a ->for@1:7) (break b ->labeled@1:4) (break ->for@1:7)))))");
  EXPECT_TREE("a: { break a; }", "(labeled a (block (break a ->labeled@1:1)))");
  EXPECT_TREE("switch (1) { case 1: while (1) { continue; break; } break; }",
              "(switch (number 1) (case (number 1) (body (while (number 1) (block (continue ->while@1:22) "
              "(break ->while@1:22))) (break ->switch@1:1))))");
  EXPECT_TREE("if (a) function f() {}",
              "(if (ident a) (block (function_decl simple length=0 src=7..22 (binding f) (params) (body))))");
  EXPECT_TREE("debugger;", "(debugger)");
  EXPECT_TREE("'use strict'; 'x';", "(expr_stmt directive (string \"use strict\")) (expr_stmt directive (string \"x\"))");
}

/* ---- patterns and arrows --------------------------------------------------------------- */

static void test_patterns(void) {
  EXPECT_TREE("[a, , b = 1, ...c] = d;",
              "(expr_stmt (assign = (array_pattern (ident a) (hole) (assign_pattern (ident b) (number 1)) "
              "(rest (ident c))) (ident d)))");
  EXPECT_TREE("({a, b: {c}, d = 1, [e]: f, ...g} = h);",
              "(expr_stmt (assign = paren (object_pattern (pattern_property shorthand (name a) (ident a)) "
              "(pattern_property init (name b) (object_pattern (pattern_property shorthand (name c) (ident c)))) "
              "(pattern_property shorthand (name d) (assign_pattern (ident d) (number 1))) "
              "(pattern_property init computed (ident e) (ident f)) (rest (ident g))) (ident h)))");
  EXPECT_TREE("[a.b, c[0], (d)] = e;",
              "(expr_stmt (assign = (array_pattern (member b (ident a)) (index (ident c) (number 0)) (ident d paren)) (ident e)))");
  EXPECT_TREE("[[a] = [1]] = b;",
              "(expr_stmt (assign = (array_pattern (assign_pattern (array_pattern (ident a)) (array (number 1)))) (ident b)))");
  EXPECT_TREE("let {a: [b, ...c], ...d} = e;",
              "(var_decl let (declarator (object_pattern (pattern_property init (name a) (array_pattern (binding b) "
              "(rest (binding c)))) (rest (binding d))) (ident e)))");
  EXPECT_TREE("x = {a = 1} = y;",
              "(expr_stmt (assign = (ident x) (assign = (object_pattern (pattern_property shorthand (name a) "
              "(assign_pattern (ident a) (number 1)))) (ident y))))");
  EXPECT_ERROR("({a = 1});", "SyntaxError: Invalid shorthand property initializer @1:5");
  EXPECT_ERROR("[{a = 1}];", "SyntaxError: Invalid shorthand property initializer @1:5");
  EXPECT_ERROR("({a = 1}).b = 1;", "SyntaxError: Invalid shorthand property initializer @1:5");
  EXPECT_ERROR("f({a = 1});", "SyntaxError: Invalid shorthand property initializer @1:6");
  EXPECT_ERROR("[...a, b] = c;", "SyntaxError: Rest element must be last element @1:2");
  EXPECT_ERROR("[...a, ] = c;", "SyntaxError: Rest element must be last element @1:2");
  EXPECT_ERROR("({a: 1} = b);", "SyntaxError: Invalid destructuring assignment target @1:6");
  EXPECT_ERROR("({a() {}} = b);", "SyntaxError: Invalid destructuring assignment target @1:3");
  EXPECT_ERROR("[(a = 1)] = b;", "SyntaxError: Invalid destructuring assignment target @1:5");
  EXPECT_ERROR("({...{}} = b);", "SyntaxError: `...` must be followed by an assignable reference in assignment contexts @1:6");
  EXPECT_ERROR("let {...[a]} = b;", "SyntaxError: `...` must be followed by an identifier in declaration contexts @1:9");
  EXPECT_ERROR("let [a.b] = c;", "SyntaxError: Unexpected token '.' @1:7");
  EXPECT_OK("({__proto__: a, __proto__: b} = c);");
  EXPECT_ERROR("x = {__proto__: a, __proto__: b};", "SyntaxError: Duplicate __proto__ fields are not allowed in object literals @1:20");
  EXPECT_OK("x = {__proto__: a, '__proto__'() {}, ['__proto__']: b, __proto__};");
}

static void test_arrows(void) {
  EXPECT_TREE("x => x;", "(expr_stmt (arrow expr_body simple length=1 src=0..6 (params (binding x)) (body (return (ident x)))))");
  EXPECT_TREE("() => {};", "(expr_stmt (arrow simple length=0 src=0..8 (params) (body)))");
  EXPECT_TREE("(a, [b], {c} = {}, d = 1, ...e) => 0;",
              "(expr_stmt (arrow expr_body length=2 src=0..36 (params (binding a) (array_pattern (binding b)) "
              "(assign_pattern (object_pattern (pattern_property shorthand (name c) (binding c))) (object)) "
              "(assign_pattern (binding d) (number 1))) (rest (binding e)) (body (return (number 0)))))");
  EXPECT_TREE("async x => await x;",
              "(expr_stmt (arrow async expr_body simple length=1 src=0..18 (params (binding x)) (body (return (await (ident x))))))");
  EXPECT_TREE("async (a, ...b) => a;",
              "(expr_stmt (arrow async expr_body length=1 src=0..20 (params (binding a)) (rest (binding b)) (body (return (ident a)))))");
  EXPECT_TREE("async => async;",
              "(expr_stmt (arrow expr_body simple length=1 src=0..14 (params (binding async)) (body (return (ident async)))))");
  EXPECT_TREE("async(a);", "(expr_stmt (call (ident async) (ident a)))");
  EXPECT_TREE("a => b => c;",
              "(expr_stmt (arrow expr_body simple length=1 src=0..11 (params (binding a)) (body (return (arrow expr_body "
              "simple length=1 src=5..11 (params (binding b)) (body (return (ident c))))))))");
  EXPECT_TREE("x = a ? b => c : d => e;",
              "(expr_stmt (assign = (ident x) (conditional (ident a) (arrow expr_body simple length=1 src=8..14 "
              "(params (binding b)) (body (return (ident c)))) (arrow expr_body simple length=1 src=17..23 "
              "(params (binding d)) (body (return (ident e)))))))");
  EXPECT_TREE("([a] = [1]) => a;",
              "(expr_stmt (arrow expr_body length=0 src=0..16 (params (assign_pattern (array_pattern (binding a)) "
              "(array (number 1)))) (body (return (ident a)))))");
  EXPECT_ERROR("(a, a) => 1;", "SyntaxError: Duplicate parameter name not allowed in this context @1:5");
  EXPECT_ERROR("(a.b) => 1;", "SyntaxError: Malformed arrow function parameter list @1:2");
  EXPECT_ERROR("((a)) => 1;", "SyntaxError: Malformed arrow function parameter list @1:3");
  EXPECT_ERROR("(a, ...b,) => 1;", "SyntaxError: Rest parameter must be last formal parameter @1:9");
  EXPECT_ERROR("async (a, ...b,) => 1;", "SyntaxError: Rest parameter must be last formal parameter @1:11");
  EXPECT_ERROR("(...a = 1) => 1;", "SyntaxError: Unexpected token '=' @1:7");
  EXPECT_ERROR("x + y => 1;", "SyntaxError: Malformed arrow function parameter list @1:5");
  EXPECT_ERROR("!x => 1;", "SyntaxError: Malformed arrow function parameter list @1:2");
  EXPECT_ERROR("a => {}.x;", "SyntaxError: Unexpected token '.' @1:8");
  EXPECT_ERROR("a => {} ? 1 : 2;", "SyntaxError: Unexpected token '?' @1:9");
  EXPECT_ERROR("(a, b);\n() + 1;", "SyntaxError: Unexpected token ')' @2:2");
  EXPECT_ERROR("(a,);", "SyntaxError: Unexpected token ')' @1:4");
  EXPECT_ERROR("async function f() { (a = await 1) => a }",
               "SyntaxError: Illegal await-expression in formal parameters of async function @1:22");
  EXPECT_ERROR("async (await) => 1;", "SyntaxError: Unexpected reserved word @1:8");
  EXPECT_ERROR("(x) => { 'use strict'; }; (x = 1) => { 'use strict'; }",
               "SyntaxError: Illegal 'use strict' directive in function with non-simple parameter list @1:40");
  EXPECT_ERROR("(eval) => { 'use strict'; }", "SyntaxError: Unexpected eval or arguments in strict mode @1:2");
  EXPECT_OK("(eval) => 1; (arguments) => 1;");
}

/* ---- functions and classes: metadata --------------------------------------------------- */

static StAstFunction *first_function(Parsed *P) {
  StNode *n = P->prog->body.items[0];
  if (n->kind == ST_AST_EXPR_STMT) n = ((StExprStmt *)n)->expr;
  if (n->kind == ST_AST_VAR_DECL) n = ((StDeclarator *)((StVarDecl *)n)->decls.items[0])->init;
  return (StAstFunction *)n;
}

static void test_function_metadata(void) {
  const char *src = "function f(a, b = 1, c) { this.x = 1; this.y = a; this.x = 2; var g = () => this.z = 3; }";
  Parsed *P = parse(src);
  StAstFunction *f = first_function(P);
  ST_EXPECT_EQ_INT(f->length, 1);
  ST_EXPECT_EQ_INT(f->this_props, 3); /* x, y and z (through the arrow), each once */
  ST_EXPECT(f->flags & ST_AST_FN_USES_THIS);
  ST_EXPECT(!(f->flags & ST_AST_FN_SIMPLE_PARAMS));
  ST_EXPECT_EQ_INT(f->src_start, 0);
  ST_EXPECT_EQ_INT(f->src_end, strlen(src));
  done(P);

  P = parse("x = function g(a, b, ...c) { 'use strict'; }");
  ST_EXPECT_EQ_STR(P->err, "SyntaxError: Illegal 'use strict' directive in function with non-simple parameter list @1:30");
  done(P);

  P = parse("(function (a, a) { return arguments; })");
  f = first_function(P);
  ST_EXPECT(f->flags & ST_AST_FN_DUPLICATE_PARAMS);
  ST_EXPECT(f->flags & ST_AST_FN_USES_ARGUMENTS);
  ST_EXPECT(f->flags & ST_AST_FN_SIMPLE_PARAMS);
  ST_EXPECT(!(f->flags & ST_AST_FN_STRICT));
  ST_EXPECT_EQ_INT(f->length, 2);
  done(P);

  /* uses through arrows: the arrow and its enclosing function both get the flags */
  P = parse("function outer() { return () => [this, arguments, new.target]; }");
  f = first_function(P);
  uint32_t want = ST_AST_FN_USES_THIS | ST_AST_FN_USES_ARGUMENTS | ST_AST_FN_USES_NEW_TARGET;
  ST_EXPECT_EQ_INT(f->flags & want, want);
  StAstFunction *arrow = (StAstFunction *)((StReturn *)f->body.items[0])->arg;
  ST_EXPECT_EQ_INT(arrow->h.kind, ST_AST_ARROW);
  ST_EXPECT_EQ_INT(arrow->flags & want, want);
  done(P);

  /* an arrow's parameters count too */
  P = parse("function outer() { return (a = this) => a; }");
  arrow = (StAstFunction *)((StReturn *)first_function(P)->body.items[0])->arg;
  ST_EXPECT(arrow->flags & ST_AST_FN_USES_THIS);
  done(P);

  /* direct eval: HAS on its function, CONTAINS on the ones around */
  P = parse("function a() { function b() { eval('x'); } }");
  f = first_function(P);
  StAstFunction *b = (StAstFunction *)f->body.items[0];
  ST_EXPECT(b->flags & ST_AST_FN_HAS_DIRECT_EVAL);
  ST_EXPECT(!(b->flags & ST_AST_FN_CONTAINS_DIRECT_EVAL));
  ST_EXPECT(f->flags & ST_AST_FN_CONTAINS_DIRECT_EVAL);
  ST_EXPECT(!(f->flags & ST_AST_FN_HAS_DIRECT_EVAL));
  ST_EXPECT(P->prog->flags & ST_AST_FN_CONTAINS_DIRECT_EVAL);
  done(P);

  /* strictness: inherited, from a directive, and the program's */
  P = parse("'use strict'; function f() {} function g() { return function () {}; }");
  ST_EXPECT(P->prog->flags & ST_AST_FN_STRICT);
  ST_EXPECT(P->prog->flags & ST_AST_FN_USE_STRICT);
  f = (StAstFunction *)P->prog->body.items[1];
  ST_EXPECT(f->flags & ST_AST_FN_STRICT);
  ST_EXPECT(!(f->flags & ST_AST_FN_USE_STRICT));
  done(P);
  P = parse("function f() { 'a'; 'use strict'; } function g() {}");
  ST_EXPECT(first_function(P)->flags & ST_AST_FN_STRICT);
  ST_EXPECT(!(((StAstFunction *)P->prog->body.items[1])->flags & ST_AST_FN_STRICT));
  ST_EXPECT(!(P->prog->flags & ST_AST_FN_STRICT));
  done(P);
  /* not directives: escaped, parenthesized, part of an expression, after a statement */
  EXPECT_OK("function f() { 'use\\x20strict'; var eval; }");
  EXPECT_OK("function f() { ('use strict'); var eval; }");
  EXPECT_OK("function f() { 'use strict' + 1; var eval; }");
  EXPECT_OK("function f() { var x; 'use strict'; var eval; }");
  EXPECT_ERROR("function f() { 'use strict'\n var eval; }", "SyntaxError: Unexpected eval or arguments in strict mode @2:6");
  StParseOptions strict = {.strict = true};
  P = parse_opts("var eval;", 9, &strict);
  ST_EXPECT_EQ_STR(P->err, "SyntaxError: Unexpected eval or arguments in strict mode @1:5");
  done(P);
}

static void test_classes(void) {
  const char *src = "class A extends B { static s = 1; x; y = this.z; constructor(a) { super(a); } "
                    "get g() {} static m() { super.m(); } ['c' + 1]() {} 'constructor'() {} }";
  Parsed *P = parse(src);
  ST_EXPECT_EQ_STR(P->err, "SyntaxError: A class may only have one constructor @1:131");
  done(P);
  src = "class A extends B { static s = 1; x; y = this.z; constructor(a) { super(a); } "
        "get g() {} static m() { super.m(); } ['c' + 1]() {} static constructor() {} }";
  P = parse(src);
  ST_EXPECT_EQ_STR(P->err, "");
  StClass *c = (StClass *)P->prog->body.items[0];
  ST_EXPECT_EQ_INT(c->h.kind, ST_AST_CLASS_DECL);
  ST_EXPECT_EQ_INT(c->instance_fields, 2);
  ST_EXPECT_EQ_INT(c->static_fields, 1);
  ST_EXPECT_EQ_INT(c->members.count, 7);
  ST_EXPECT_EQ_INT(c->src_start, 0);
  ST_EXPECT_EQ_INT(c->src_end, strlen(src));
  ST_EXPECT(c->constructor && c->constructor->method_kind == ST_AST_METHOD_DERIVED_CONSTRUCTOR);
  ST_EXPECT(c->constructor->flags & ST_AST_FN_USES_SUPER_CALL);
  ST_EXPECT(c->constructor->flags & ST_AST_FN_STRICT);
  StClassMember *s = (StClassMember *)c->members.items[0];
  ST_EXPECT(s->h.kind == ST_AST_CLASS_FIELD && s->is_static && s->value);
  ST_EXPECT_EQ_INT(s->value->method_kind, ST_AST_METHOD_FIELD_INIT);
  StClassMember *x = (StClassMember *)c->members.items[1];
  ST_EXPECT(x->h.kind == ST_AST_CLASS_FIELD && !x->value);
  StClassMember *y = (StClassMember *)c->members.items[2];
  ST_EXPECT(y->value->flags & ST_AST_FN_USES_THIS);
  StClassMember *g = (StClassMember *)c->members.items[3];
  ST_EXPECT(g->h.kind == ST_AST_CLASS_METHOD && g->value->method_kind == ST_AST_METHOD_GETTER);
  StClassMember *m = (StClassMember *)c->members.items[4];
  ST_EXPECT(m->is_static && (m->value->flags & ST_AST_FN_USES_SUPER_PROPERTY) && (m->value->flags & ST_AST_FN_STATIC));
  ST_EXPECT(((StClassMember *)c->members.items[5])->computed);
  done(P);
  /* a base class constructor; class expressions; heritage is any LHS expression */
  P = parse("x = class Named { constructor() {} }; y = class extends f().g[h] {};");
  c = (StClass *)((StAssign *)((StExprStmt *)P->prog->body.items[0])->expr)->value;
  ST_EXPECT_EQ_INT(c->h.kind, ST_AST_CLASS_EXPR);
  ST_EXPECT_EQ_INT(c->constructor->method_kind, ST_AST_METHOD_CONSTRUCTOR);
  done(P);
  EXPECT_ERROR("class A { constructor() { super(); } }", "SyntaxError: 'super' keyword unexpected here @1:27");
  EXPECT_ERROR("class A extends B { m() { super(); } }", "SyntaxError: 'super' keyword unexpected here @1:27");
  EXPECT_ERROR("class A extends B { x = super(); }", "SyntaxError: 'super' keyword unexpected here @1:25");
  EXPECT_OK("class A extends B { constructor() { (() => super())(); } x = super.y; }");
  EXPECT_ERROR("function f() { super.x; }", "SyntaxError: 'super' keyword unexpected here @1:16");
  EXPECT_OK("({ m() { return super.x; } });");
  EXPECT_ERROR("({ m: function () { return super.x; } });", "SyntaxError: 'super' keyword unexpected here @1:28");
  EXPECT_ERROR("class A { get constructor() {} }", "SyntaxError: Class constructor may not be an accessor @1:15");
  EXPECT_ERROR("class A { async constructor() {} }", "SyntaxError: Class constructor may not be an async method @1:17");
  EXPECT_ERROR("class A { static prototype() {} }", "SyntaxError: Classes may not have a static property named 'prototype' @1:18");
  EXPECT_ERROR("class A { static prototype = 1 }", "SyntaxError: Classes may not have a static property named 'prototype' @1:18");
  EXPECT_ERROR("class A { constructor = 1 }", "SyntaxError: Classes may not have a field named 'constructor' @1:11");
  EXPECT_ERROR("class A { x = arguments }", "SyntaxError: 'arguments' is not allowed in class field initializer or static initialization block @1:15");
  EXPECT_OK("class A { x = function () { return arguments; } }");
  EXPECT_ERROR("class A { m() { var eval; } }", "SyntaxError: Unexpected eval or arguments in strict mode @1:21");
  EXPECT_ERROR("class let {}", "SyntaxError: Unexpected strict mode reserved word @1:7");
  EXPECT_ERROR("class A extends B, C {}", "SyntaxError: Unexpected token ',' @1:18");
  EXPECT_OK("class A { static; get; set; async; static static() {} get get() {} set set(v) {} 'quoted'() {} 1() {} }");
  EXPECT_OK("class A { x = 1\n y = 2\n m() {} }");
  EXPECT_ERROR("class A { x = 1 y = 2 }", "SyntaxError: Unexpected identifier 'y' @1:17");
}

/* ---- early errors ---------------------------------------------------------------------- */

static void test_early_errors(void) {
  const char *cases[][2] = {
      {"let x; let x;", "SyntaxError: Identifier 'x' has already been declared @1:12"},
      {"let x; var x;", "SyntaxError: Identifier 'x' has already been declared @1:12"},
      {"var x; let x;", "SyntaxError: Identifier 'x' has already been declared @1:12"},
      {"const x = 1; function x() {}", "SyntaxError: Identifier 'x' has already been declared @1:23"},
      {"class C {} var C;", "SyntaxError: Identifier 'C' has already been declared @1:16"},
      {"{ var a; } let a;", "SyntaxError: Identifier 'a' has already been declared @1:16"},
      {"{ let a; { var a; } }", "SyntaxError: Identifier 'a' has already been declared @1:16"},
      {"function f(a) { let a; }", "SyntaxError: Identifier 'a' has already been declared @1:21"},
      {"function f() { let a; { var a; } }", "SyntaxError: Identifier 'a' has already been declared @1:29"},
      {"try {} catch (e) { let e; }", "SyntaxError: Identifier 'e' has already been declared @1:24"},
      {"try {} catch ([e]) { var e; }", "SyntaxError: Identifier 'e' has already been declared @1:26"},
      {"try {} catch (e) { function e() {} }", "SyntaxError: Identifier 'e' has already been declared @1:29"},
      {"'use strict'; { function f() {} function f() {} }", "SyntaxError: Identifier 'f' has already been declared @1:42"},
      {"{ function f() {} let f; }", "SyntaxError: Identifier 'f' has already been declared @1:23"},
      {"{ function f() {} var f; }", "SyntaxError: Identifier 'f' has already been declared @1:23"},
      {"{ async function f() {} function f() {} }", "SyntaxError: Identifier 'f' has already been declared @1:34"},
      {"switch (0) { case 0: let a; case 1: let a; }", "SyntaxError: Identifier 'a' has already been declared @1:41"},
      {"for (let i;;) { var i; }", "SyntaxError: Identifier 'i' has already been declared @1:21"},
      {"let let = 1;", "SyntaxError: let is disallowed as a lexically bound name @1:5"},
      {"const [let] = 1;", "SyntaxError: let is disallowed as a lexically bound name @1:8"},
      {"const x;", "SyntaxError: Missing initializer in const declaration @1:7"},
      {"let [a];", "SyntaxError: Missing initializer in destructuring declaration @1:5"},
      {"for (const x;;) ;", "SyntaxError: Missing initializer in const declaration @1:12"},
      {"for (let x = 1 of y) ;", "SyntaxError: for-of loop variable declaration may not have an initializer. @1:10"},
      {"for (let x = 1 in y) ;", "SyntaxError: for-in loop variable declaration may not have an initializer. @1:10"},
      {"'use strict'; for (var x = 1 in y) ;", "SyntaxError: for-in loop variable declaration may not have an initializer. @1:24"},
      {"for (let a, b of c) ;", "SyntaxError: Invalid left-hand side in for-of loop: Must have a single binding. @1:6"},
      {"for (let.x of y) ;", "SyntaxError: The left-hand side of a for-of loop may not be 'let'. @1:6"},
      {"for (let of x) ;", "SyntaxError: Unexpected identifier 'x' @1:13"},
      {"for (async of x) ;", "SyntaxError: Unexpected identifier 'x' @1:15"}, /* V8: may not be 'async' */
      {"for (a + b of c) ;", "SyntaxError: Invalid left-hand side in for-of loop @1:6"},
      {"break;", "SyntaxError: Illegal break statement @1:1"},
      {"continue;", "SyntaxError: Illegal continue statement: no surrounding iteration statement @1:1"},
      {"switch (1) { case 1: continue; }", "SyntaxError: Illegal continue statement: no surrounding iteration statement @1:22"},
      {"while (1) { function f() { break; } }", "SyntaxError: Illegal break statement @1:28"},
      {"a: { continue a; }", "SyntaxError: Illegal continue statement: 'a' does not denote an iteration statement @1:15"},
      {"a: while (1) { (() => { break a; })(); }", "SyntaxError: Undefined label 'a' @1:31"},
      {"while (1) break b;", "SyntaxError: Undefined label 'b' @1:17"},
      {"a: a: ;", "SyntaxError: Label 'a' has already been declared @1:4"},
      {"return;", "SyntaxError: Illegal return statement @1:1"},
      {"'use strict'; function f(a, a) {}", "SyntaxError: Duplicate parameter name not allowed in this context @1:29"},
      {"function f(a, a) { 'use strict'; }", "SyntaxError: Duplicate parameter name not allowed in this context @1:15"},
      {"function f(a, [a]) {}", "SyntaxError: Duplicate parameter name not allowed in this context @1:16"},
      {"function f(a, a = 1) {}", "SyntaxError: Duplicate parameter name not allowed in this context @1:15"},
      {"({ m(a, a) {} });", "SyntaxError: Duplicate parameter name not allowed in this context @1:9"},
      {"function f(a = 1) { 'use strict'; }", "SyntaxError: Illegal 'use strict' directive in function with non-simple parameter list @1:21"},
      {"1 = 2;", "SyntaxError: Invalid left-hand side in assignment @1:1"},
      {"a + b = c;", "SyntaxError: Invalid left-hand side in assignment @1:1"},
      {"f() = 1;", "SyntaxError: Invalid left-hand side in assignment @1:1"},
      {"++f();", "SyntaxError: Invalid left-hand side expression in prefix operation @1:3"},
      {"f()--;", "SyntaxError: Invalid left-hand side expression in postfix operation @1:1"},
      {"a += [b] ;\n[c] += d;", "SyntaxError: Invalid left-hand side in assignment @2:1"},
      {"(a, b) = c;", "SyntaxError: Invalid left-hand side in assignment @1:3"},
      {"({a}) = 1;", "SyntaxError: Invalid left-hand side in assignment @1:2"},
      {"this = 1;", "SyntaxError: Invalid left-hand side in assignment @1:1"},
      {"new.target = 1;", "SyntaxError: new.target expression is not allowed here @1:1"},
      {"function f() { new.target = 1; }", "SyntaxError: Invalid left-hand side in assignment @1:16"},
      {"'use strict'; 010;", "SyntaxError: Octal literals are not allowed in strict mode. @1:15"},
      {"'use strict'; 08;", "SyntaxError: Decimals with leading zeros are not allowed in strict mode. @1:15"},
      {"'use strict'; '\\01';", "SyntaxError: Octal escape sequences are not allowed in strict mode. @1:16"},
      {"'use strict'; '\\8';", "SyntaxError: \\8 and \\9 are not allowed in strict mode. @1:16"},
      {"'\\01'; 'use strict';", "SyntaxError: Octal escape sequences are not allowed in strict mode. @1:2"},
      {"function f() { '\\9'; 'use strict'; }", "SyntaxError: \\8 and \\9 are not allowed in strict mode. @1:17"},
      {"'use strict'; ({010: 1});", "SyntaxError: Octal literals are not allowed in strict mode. @1:17"},
      {"'use strict'; delete x;", "SyntaxError: Delete of an unqualified identifier in strict mode. @1:15"},
      {"'use strict'; delete (x);", "SyntaxError: Delete of an unqualified identifier in strict mode. @1:15"},
      {"'use strict'; eval = 1;", "SyntaxError: Unexpected eval or arguments in strict mode @1:15"},
      {"'use strict'; arguments++;", "SyntaxError: Unexpected eval or arguments in strict mode @1:15"},
      {"'use strict'; [eval] = a;", "SyntaxError: Unexpected eval or arguments in strict mode @1:16"},
      {"'use strict'; function eval() {}", "SyntaxError: Unexpected eval or arguments in strict mode @1:24"},
      {"function arguments() { 'use strict'; }", "SyntaxError: Unexpected eval or arguments in strict mode @1:10"},
      {"function f(eval) { 'use strict'; }", "SyntaxError: Unexpected eval or arguments in strict mode @1:12"},
      {"'use strict'; try {} catch (arguments) {}", "SyntaxError: Unexpected eval or arguments in strict mode @1:29"},
      {"'use strict'; var implements;", "SyntaxError: Unexpected strict mode reserved word @1:19"},
      {"'use strict'; let = 1;", "SyntaxError: Unexpected strict mode reserved word @1:15"},
      {"'use strict'; yield = 1;", "SyntaxError: Unexpected strict mode reserved word @1:15"},
      {"'use strict'; var { static } = 1;", "SyntaxError: Unexpected strict mode reserved word @1:21"},
      {"function static() { 'use strict'; }", "SyntaxError: Unexpected strict mode reserved word @1:10"},
      {"var if;", "SyntaxError: Unexpected token 'if' @1:5"},
      {"var enum;", "SyntaxError: Unexpected reserved word @1:5"},
      {"var \\u0069f;", "SyntaxError: Keyword must not contain escaped characters @1:5"},
      {"\\u0074his;", "SyntaxError: Keyword must not contain escaped characters @1:1"},
      {"async function f() { var await; }", "SyntaxError: Unexpected reserved word @1:26"},
      {"async function f() { await: ; }", "SyntaxError: Unexpected reserved word @1:22"},
      {"async function f(await) {}", "SyntaxError: Unexpected reserved word @1:18"},
      {"async function f(a = await 1) {}", "SyntaxError: Illegal await-expression in formal parameters of async function @1:22"},
      {"(async function await() {});", "SyntaxError: Unexpected reserved word @1:17"},
      {"super();", "SyntaxError: 'super' keyword unexpected here @1:1"},
      {"new.target;", "SyntaxError: new.target expression is not allowed here @1:1"},
      {"() => new.target;", "SyntaxError: new.target expression is not allowed here @1:7"},
      {"new.targ;", "SyntaxError: Unexpected identifier 'targ' @1:5"},
      {"a ?? b || c;", "SyntaxError: Unexpected token '||' @1:8"},
      {"a && b ?? c;", "SyntaxError: Unexpected token '?\?' @1:8"},
      {"-a ** 2;", "SyntaxError: Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence @1:4"},
      {"async function f() { await a ** 2; }", "SyntaxError: Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence @1:30"},
      {"if (1) let x = 1;", "SyntaxError: Lexical declaration cannot appear in a single-statement context @1:8"},
      {"if (1) const x = 1;", "SyntaxError: Lexical declaration cannot appear in a single-statement context @1:8"},
      {"while (1) let [a] = b;", "SyntaxError: Lexical declaration cannot appear in a single-statement context @1:11"},
      {"while (1) function f() {}", "SyntaxError: In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement. @1:11"},
      {"'use strict'; if (1) function f() {}", "SyntaxError: In strict mode code, functions can only be declared at top level or inside a block. @1:22"},
      {"if (1) async function f() {}", "SyntaxError: Async functions can only be declared at the top level or inside a block. @1:8"},
      {"if (1) class C {}", "SyntaxError: Unexpected token 'class' @1:8"},
      {"try {}", "SyntaxError: Missing catch or finally after try @1:7"},
      {"switch (a) { default: default: }", "SyntaxError: More than one default clause in switch statement @1:23"},
      {"({get a(x) {}});", "SyntaxError: Getter must not have any formal parameters. @1:8"},
      {"({set a() {}});", "SyntaxError: Setter must have exactly one formal parameter. @1:8"},
      {"({set a(...x) {}});", "SyntaxError: Setter function argument must not be a rest parameter @1:8"},
      {"function f(...a, b) {}", "SyntaxError: Rest parameter must be last formal parameter @1:16"},
      {"function f(...a = 1) {}", "SyntaxError: Rest parameter may not have a default initializer @1:17"},
      {"f(a b);", "SyntaxError: missing ) after argument list @1:5"},
      {"f(a", "SyntaxError: missing ) after argument list @1:4"},
      {"var x = ", "SyntaxError: Unexpected end of input @1:9"},
      {"{", "SyntaxError: Unexpected end of input @1:2"},
      {"}", "SyntaxError: Unexpected token '}' @1:1"},
      {"`${a", "SyntaxError: Unexpected end of input @1:5"},
      {"`${a b}`", "SyntaxError: Missing } in template expression @1:6"},
      {"x = 1 +;", "SyntaxError: Unexpected token ';' @1:8"},
      {"x = 'a' 'b';", "SyntaxError: Unexpected string @1:9"},
      {"x = 1 2;", "SyntaxError: Unexpected number @1:7"},
      {"x = a `b`;", "SyntaxError: Tagged templates are not supported @1:7"},
      {"x = \"\\u{110000}\";", "SyntaxError: Undefined Unicode code-point @1:6"},
  };
  for (size_t i = 0; i < ST_ARRAY_LEN(cases); i++) {
    Parsed *P = parse(cases[i][0]);
    if (strcmp(P->err, cases[i][1])) printf("  case: %s\n", cases[i][0]);
    ST_EXPECT_EQ_STR(P->err, cases[i][1]);
    ST_EXPECT(P->prog == NULL);
    done(P);
  }
}

/* Things that look like errors but are not. */
static void test_valid_edge_cases(void) {
  const char *ok[] = {
      "var x; var x; function x() {} var x;",
      "function f(a) { var a; function a() {} }",
      "try {} catch (e) { var e; }",
      "{ function f() {} function f() {} }",
      "let x; { let x; { let x; } }",
      "for (let i;;) { let i; }",
      "function f() { let f; }",
      "var f = function f() { let f; };",
      "label: function f() {}",
      "a: b: c: while (1) continue a;",
      "a: { b: { break a; } }",
      "var let = 1; let.x; let; let\n(0);",
      "var async = 1, await = 2, yield = 3, of = 4, get = 5, set = 6, static = 7;",
      "async();  async.x; async[0]; for (async.x of y) ;",
      "function f(a, a) {}",
      "(function () { 'use strict'; return 10 === void 0; }, 010);",
      "x = { if: 1, class: 2, new: 3, 'a-b': 4, 0x10: 5, 1.5: 6 }.if;",
      "a = b ? c => d : e => f;",
      "x = (1, 2, 3);",
      "a\n?.5:b",
      "x = a?.b?.[c]?.(d);",
      "do ; while (0) ;",
      "if (a) ; else ;",
      "for (x in y) for (z of w) ;",
      "x = function () {} / 2;",
      "x = {} / 2;",
      "x = a\n/2/g",
      "async function f() { await await x; for (const a of await b) ; }",
      "function f() { await; } var await;",
      "class A { 'constructor'() {} }",
      "class A { static constructor() {} static async x() {} }",
      "function f() { return new.target; }",
      "x = (-1) ** 2;",
      "x = 2 ** -1;",
      "x = a ? b : c ? d : e;",
      "x = `a${`b${c}`}d`;",
      "x = '\\u2028\u2028';",
      "x = 1_000_000.000_001e1_0;",
      "'use strict'; 0; 0.5; 0o17; 0b1; 0x1f;",
      "#!/usr/bin/env node\nx",
      "\xef\xbb\xbfvar bom;",
      "x = { __proto__: 1, ['__proto__']: 2, __proto__() {} };",
      "({ a, b } = { a: 1, b: 2 });",
      "[a, [b, [c]]] = [1, [2, [3]]];",
      "x = async function () {}; y = async () => {}; z = async x => x;",
      "class A extends (B, C) {}",
      "x = class { static x = this; y = () => this; }",
      "if (a) function f() {} else function g() {}",
  };
  for (size_t i = 0; i < ST_ARRAY_LEN(ok); i++) {
    Parsed *P = parse(ok[i]);
    if (P->err[0]) printf("  case: %s\n", ok[i]);
    ST_EXPECT_EQ_STR(P->err, "");
    done(P);
  }
}

/* ---- positions ------------------------------------------------------------------------- */

/* Small fields share the header's 32 bits with kind, paren and spare (ST_AST_HEADER): writing one
 * must not touch the others. */
static void test_header_small_fields(void) {
  StBinary b;
  memset(&b, 0, sizeof b);
  b.h.kind = ST_AST_BINARY;
  b.h.spare = 1;
  b.h.offset = 77;
  b.op = ST_TOK_STAR_STAR;
  b.h.paren = 1;
  ST_EXPECT_EQ_INT(b.h.kind, ST_AST_BINARY);
  ST_EXPECT_EQ_INT(b.h.paren, 1);
  ST_EXPECT_EQ_INT(b.h.spare, 1);
  ST_EXPECT_EQ_INT(b.h.small, ST_TOK_STAR_STAR);
  ST_EXPECT_EQ_INT(b.h.offset, 77);
  ST_EXPECT_EQ_INT(b.op, ST_TOK_STAR_STAR);
  StCall c;
  memset(&c, 0, sizeof c);
  c.h.kind = ST_AST__COUNT - 1;
  c.direct_eval = 1;
  ST_EXPECT_EQ_INT(c.optional, 0);
  ST_EXPECT_EQ_INT(c.h.small, 2);
  ST_EXPECT_EQ_INT(c.h.kind, ST_AST__COUNT - 1);
  ST_EXPECT_EQ_INT(c.h.paren, 0);
  /* and as the parser fills them */
  Parsed *P = parse("(a?.b)(c); eval(x); u = (-y) ** z");
  ST_EXPECT_EQ_STR(P->err, "");
  StCall *call = (StCall *)((StExprStmt *)P->prog->body.items[1])->expr;
  ST_EXPECT(call->h.kind == ST_AST_CALL && call->direct_eval && !call->optional && !call->h.paren);
  StAssign *as = (StAssign *)((StExprStmt *)P->prog->body.items[2])->expr;
  StBinary *pow = (StBinary *)as->value;
  ST_EXPECT(as->op == ST_TOK_ASSIGN && pow->h.kind == ST_AST_BINARY && pow->op == ST_TOK_STAR_STAR);
  ST_EXPECT(pow->left->kind == ST_AST_UNARY && pow->left->paren &&
            ((StUnary *)pow->left)->op == ST_TOK_MINUS);
  done(P);
}

static void test_positions(void) {
  EXPECT_TREE_POS("let x = 1;", "(var_decl let @1:1 (declarator @1:5 (binding x @1:5) (number 1 @1:9)))");
  EXPECT_TREE_POS("a.b.c(d)",
                  "(expr_stmt @1:1 (call @1:5 (member c @1:5 (member b @1:3 (ident a @1:1))) (ident d @1:7)))");
  EXPECT_TREE_POS("x =\n  a + b\n  * c",
                  "(expr_stmt @1:1 (assign = @1:3 (ident x @1:1) (binary + @2:5 (ident a @2:3) (binary * @3:3 "
                  "(ident b @2:7) (ident c @3:5)))))");
  /* columns count UTF-16 units: the emoji takes two */
  EXPECT_TREE_POS("'\xf0\x9f\x98\x80' + x", "(expr_stmt @1:1 (binary + @1:6 (string \"\\ud83d\\ude00\" @1:1) (ident x @1:8)))");
  EXPECT_TREE_POS("'\xc3\xa9'\r\n\ty", "(expr_stmt directive @1:1 (string \"\\u00e9\" @1:1)) (expr_stmt @2:2 (ident y @2:2))");
  EXPECT_ERROR("'\xf0\x9f\x98\x80\xc3\xa9' + @", "SyntaxError: Invalid or unexpected token @1:9");
  EXPECT_ERROR("/*\n\n*/ x y", "SyntaxError: Unexpected identifier 'y' @3:6");
  /* offsets are bytes */
  Parsed *P = parse("'\xf0\x9f\x98\x80' + x");
  StBinary *b = (StBinary *)((StExprStmt *)P->prog->body.items[0])->expr;
  ST_EXPECT_EQ_INT(b->right->offset, 9);
  ST_EXPECT_EQ_INT(st_ast_pos(P->prog->lines, b->right).col, 8);
  ST_EXPECT_EQ_INT(st_ast_pos(P->prog->lines, b->right).line, 1);
  done(P);
}

/* ---- names ----------------------------------------------------------------------------- */

static void test_names_interned(void) {
  Parsed *P = parse("var abc = abc + \\u0061bc; arguments;");
  StDeclarator *d = (StDeclarator *)((StVarDecl *)P->prog->body.items[0])->decls.items[0];
  StBinary *sum = (StBinary *)d->init;
  const StName *n1 = st_ast_ident_name((StIdent *)d->target);
  ST_EXPECT(n1 == st_ast_ident_name((StIdent *)sum->left));
  ST_EXPECT(n1 == st_ast_ident_name((StIdent *)sum->right));
  ST_EXPECT(n1 == st_ast_name(P->prog->names, "abc", 3));
  ST_EXPECT_EQ_INT(n1->len, 3);
  ST_EXPECT(st_ast_ident_name((StIdent *)((StExprStmt *)P->prog->body.items[1])->expr) ==
            P->prog->names->atom[ST_AST_ATOM_ARGUMENTS]);
  /* every name's parser scratch pointer is cleared */
  StNameTable *t = P->prog->names;
  bool clean = true;
  for (uint32_t i = 0; i <= t->mask; i++)
    for (StName *n = t->buckets[i]; n; n = n->chain) clean &= n->user == NULL;
  ST_EXPECT(clean);
  done(P);
}

/* ---- nesting and bad input ------------------------------------------------------------- */

static char *repeat(const char *open, int n, const char *mid, const char *close) {
  size_t lo = strlen(open), lm = strlen(mid), lc = strlen(close);
  char *s = malloc(lo * (size_t)n + lm + lc * (size_t)n + 1), *p = s;
  for (int i = 0; i < n; i++, p += lo) memcpy(p, open, lo);
  memcpy(p, mid, lm);
  p += lm;
  for (int i = 0; i < n; i++, p += lc) memcpy(p, close, lc);
  *p = 0;
  return s;
}

static void expect_range_error(const char *src) {
  Parsed *P = parse(src);
  if (strncmp(P->err, "RangeError", 10)) printf("  case: %.40s...: %s\n", src, P->err);
  ST_EXPECT(P->prog == NULL);
  ST_EXPECT(strncmp(P->err, "RangeError: Maximum nesting depth exceeded", 42) == 0);
  done(P);
}

static void test_nesting_limits(void) {
  struct {
    const char *open, *mid, *close;
  } deep[] = {{"(", "1", ")"}, {"[", "", "]"}, {"{", "", "}"}, {"f(", "", ")"}, {"-", "x", ""},
              {"a = ", "1", ""}, {"x => ", "1", ""}, {"if (1) ", "1", ""}, {"[{a:", "1", "}]"},
              {"new ", "X", ""}, {"a ? b : ", "c", ""}, {"`${", "", "}`"}, {"2 ** ", "2", ""},
              {"function f() {", "", "}"}, {"[", "a", "] = 1"}, {"(", "a", ") => 1"},
              {"class A extends (", "B", ") {}"}, {"async () => ", "1", ""}, {"!", "1", ""}};
  for (size_t i = 0; i < ST_ARRAY_LEN(deep); i++) {
    char *src = repeat(deep[i].open, 100000, deep[i].mid, deep[i].close);
    expect_range_error(src);
    free(src);
  }
  /* binding patterns */
  char *pat = repeat("[", 100000, "a", "]");
  char *decl = malloc(strlen(pat) + 16);
  sprintf(decl, "var %s = 1", pat);
  expect_range_error(decl);
  free(decl);
  free(pat);
  /* left-nested chains parse without recursion but are measured too */
  char *src;
  size_t n = 5000;
  char *chain = malloc(2 * n + 8), *p = chain;
  p += sprintf(p, "x = a");
  for (size_t i = 1; i < n; i++) p += sprintf(p, "+a");
  expect_range_error(chain);
  p = chain;
  p += sprintf(p, "a");
  for (size_t i = 1; i < n; i++) p += sprintf(p, ".b");
  expect_range_error(chain);
  free(chain);
  /* moderate nesting is fine and the tree stays within the documented bound */
  src = repeat("(", 200, "[{a: f(x => -!typeof y)}]", ")");
  Parsed *P = parse(src);
  ST_EXPECT_EQ_STR(P->err, "");
  ST_EXPECT(P->prog && st_ast_depth(&P->prog->h) < 20);
  done(P);
  free(src);
  src = repeat("[", 500, "", "]");
  P = parse(src);
  ST_EXPECT_EQ_STR(P->err, "");
  ST_EXPECT(P->prog && st_ast_depth(&P->prog->h) == 502);
  done(P);
  free(src);
  src = malloc(16 * 1500 + 16);
  p = src;
  p += sprintf(p, "x = 1");
  for (int i = 0; i < 1500; i++) p += sprintf(p, " + 1");
  P = parse(src);
  ST_EXPECT_EQ_STR(P->err, "");
  ST_EXPECT(P->prog && st_ast_depth(&P->prog->h) <= ST_AST_MAX_DEPTH);
  done(P);
  free(src);
}

/* Node lines past 2^22 (they once saturated there, packed in 22 bits of the header) are exact, as
 * the diagnostics' are. */
static void test_huge_line_numbers(void) {
  size_t n = 5000000;
  char *src = malloc(n + 8);
  memset(src, '\n', n);
  memcpy(src + n, "x;", 3);
  StParseOptions opt = {0};
  Parsed *P = parse_opts(src, n + 2, &opt);
  ST_EXPECT(P->prog && P->prog->body.count == 1);
  if (P->prog) ST_EXPECT_EQ_INT(st_ast_pos(P->prog->lines, P->prog->body.items[0]).line, n + 1);
  if (P->prog) ST_EXPECT_EQ_INT(P->prog->body.items[0]->offset, n);
  done(P);
  memcpy(src + n, "x @", 4);
  P = parse_opts(src, n + 3, &opt);
  ST_EXPECT_EQ_STR(P->err, "SyntaxError: Invalid or unexpected token @5000001:3");
  done(P);
  free(src);
}

static void test_bad_input(void) {
  const char *cases[][2] = {
      {"x = '\\xff", "SyntaxError: Invalid or unexpected token @1:5"},
      {"x = \"abc", "SyntaxError: Invalid or unexpected token @1:5"},
      {"/* abc", "SyntaxError: Invalid or unexpected token @1:1"},
      {"`abc", "SyntaxError: Unterminated template literal @1:1"},
      {"x = `a${b}c", "SyntaxError: Unterminated template literal @1:10"},
      {"\xff", "SyntaxError: Invalid or unexpected token @1:1"},
      {"x\xc3", "SyntaxError: Invalid or unexpected token @1:2"},
  };
  for (size_t i = 0; i < ST_ARRAY_LEN(cases); i++) {
    Parsed *P = parse(cases[i][0]);
    ST_EXPECT_EQ_STR(P->err, cases[i][1]);
    done(P);
  }
  StParseOptions opt = {0};
  Parsed *P = parse_opts("x = 1;\0y", 8, &opt);
  ST_EXPECT_EQ_STR(P->err, "SyntaxError: Invalid or unexpected token @1:7");
  done(P);
  P = parse_opts("x = '\0';", 8, &opt);
  ST_EXPECT_EQ_STR(P->err, "");
  done(P);
  P = parse_opts("", 0, &opt);
  ST_EXPECT(P->prog && P->prog->body.count == 0);
  done(P);
  /* every prefix of a valid program either parses or fails cleanly */
  const char *prog = "class A extends B { static #x; m({a = 1, ...b}, [c, , d] = []) { return `t${a?.b ?? c}`; } } "
                     "label: for (const [k, v] of Object.entries(o)) { if (k in v) continue label; else break; }";
  size_t len = strlen(prog);
  for (size_t i = 0; i <= len; i++) {
    char *buf = malloc(i ? i : 1);
    memcpy(buf, prog, i);
    P = parse_opts(buf, i, &opt);
    ST_EXPECT((P->prog != NULL) == (P->err[0] == 0));
    done(P);
    free(buf);
  }
}

int main(void) {
  ST_RUN(test_precedence);
  ST_RUN(test_members_calls_new);
  ST_RUN(test_optional_chains);
  ST_RUN(test_literals);
  ST_RUN(test_unsupported);
  ST_RUN(test_asi);
  ST_RUN(test_statements);
  ST_RUN(test_patterns);
  ST_RUN(test_arrows);
  ST_RUN(test_function_metadata);
  ST_RUN(test_classes);
  ST_RUN(test_early_errors);
  ST_RUN(test_valid_edge_cases);
  ST_RUN(test_header_small_fields);
  ST_RUN(test_positions);
  ST_RUN(test_names_interned);
  ST_RUN(test_nesting_limits);
  ST_RUN(test_huge_line_numbers);
  ST_RUN(test_bad_input);
  return st_check_report();
}
