// expect: SyntaxError: Numeric separator can not be used after leading 0. @2:11
var x = 08_1;
