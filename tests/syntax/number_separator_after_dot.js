// expect: SyntaxError: Numeric separators are not allowed here @2:11
var x = 1._5;
