// expect: SyntaxError: Malformed arrow function parameter list @2:13
var f = x + y => y;
