// Indirect eval: global code. It does not see the caller's variables; its var and function
// declarations become properties of the global object; let/const stay in the eval code.
var geval = eval;
function f() {
  var local = "local";
  globalThis.probe = "global";
  return geval("typeof local") + " " + (0, eval)("probe");
}
print(f());
// expect: undefined global

(0, eval)("var declaredByEval = 7; function fnByEval() { return 8; }");
print(globalThis.declaredByEval, globalThis.fnByEval());
// expect: 7 8

(0, eval)("let lexicalByEval = 1;");
print(typeof globalThis.lexicalByEval);
// expect: undefined

print((0, eval)("this") === globalThis);
// expect: true

// Strict indirect eval keeps its vars.
(0, eval)("'use strict'; var strictVar = 1;");
print("strictVar" in globalThis);
// expect: false

print(geval("1 + 2"), geval(5), geval());
// expect: 3 5 undefined

try {
  geval("}");
} catch (e) {
  print(e.name);
}
// expect: SyntaxError
