// expect: SyntaxError: Numeric separator can not be used after leading 0. @2:10
var x = 0_1;
