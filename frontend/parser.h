/* frontend/parser.h: source text -> AST (frontend/ast.h).
 *
 * Recursive descent for statements, precedence climbing for binary operators, a cover grammar
 * for arrow parameters and destructuring assignment. The parser also checks the early errors
 * the compiler relies on (redeclarations, labels, break/continue targets, assignment targets,
 * strict-mode rules, class rules) so that a tree it returns is well-formed.
 *
 * Contract:
 *  - Returns the PROGRAM node, or NULL when an error was recorded. Only the first error is
 *    recorded (a SyntaxError, or a RangeError for nesting deeper than ST_AST_MAX_DEPTH); it
 *    carries line, column (UTF-16 units) and byte offset, and a message in V8's wording where
 *    V8 has one.
 *  - All memory of the tree is in `arena` (free it to free the tree); the parser's own scratch
 *    memory is freed before it returns. Deep code never prints.
 *  - Any byte sequence is safe input: no crash, no hang, no read outside src[0..len), bounded
 *    C stack: at most ST_PARSER_MAX_NESTING (1,000) nested constructs, about 500 KB in an
 *    optimized build, and never more than 768 KB (a byte budget measured from the frame of
 *    st_parser_parse_program; deeper input gets the RangeError). Call it on a thread with at
 *    least 1 MB of stack.
 *  - Time and memory are linear in the source size: on realistic code
 *    (tests/tools/gen_big_js.py, 8.4 MB) `strata --check` (parse, scope analysis, bytecode)
 *    takes about 0.55 s of CPU and peaks at 9.4x the source size in all
 *    (tests/tools/frontend_mem.sh, 2026-11-23).
 *  - Not supported, each a SyntaxError "... not supported" at the construct: regular
 *    expression literals, generators, import/export, `with` (sloppy mode), tagged templates,
 *    private class members (#x), class static blocks, BigInt literals, `for await`.
 */
#ifndef ST_FRONTEND_PARSER_H
#define ST_FRONTEND_PARSER_H

#include "frontend/ast.h"
#include "support/diag.h"

typedef struct StParseOptions {
  const char *filename;      /* for the caller's messages; the parser does not use it */
  bool strict;               /* the whole script is strict mode code */
  bool allow_natives_syntax; /* `%Name(args)` parses as NATIVE_CALL (V8's test natives) */
  bool allow_new_target;     /* eval code called directly from a function: new.target is its */
  uint8_t method_kind;       /* eval code called directly from a method (StMethodKind): super.x
                                is allowed, and `arguments` is not in a field initializer */
} StParseOptions;

StNode *st_parser_parse_program(StArena *arena, const char *src, size_t len,
                                const StParseOptions *opt, StDiagList *diags);

#endif
