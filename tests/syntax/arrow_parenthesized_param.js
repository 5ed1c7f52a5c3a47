// expect: SyntaxError: Malformed arrow function parameter list @2:11
var f = ((a)) => a;
