// expect: SyntaxError: Undefined Unicode code-point @2:10
var s = '\u{110000}';
