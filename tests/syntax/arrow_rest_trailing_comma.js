// expect: SyntaxError: Rest parameter must be last formal parameter @2:14
var f = (...a,) => a;
