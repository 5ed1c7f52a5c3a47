// expect: SyntaxError: Duplicate parameter name not allowed in this context @2:15
function f(a, a = 1) {}
