// expect: SyntaxError: Rest parameter must be last formal parameter @2:19
function f(...rest, last) {}
