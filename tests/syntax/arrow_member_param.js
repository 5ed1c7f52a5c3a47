// expect: SyntaxError: Malformed arrow function parameter list @2:10
var f = (a.b) => 1;
