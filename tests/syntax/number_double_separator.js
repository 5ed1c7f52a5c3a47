// expect: SyntaxError: Only one underscore is allowed as numeric separator @2:11
var x = 1__000;
