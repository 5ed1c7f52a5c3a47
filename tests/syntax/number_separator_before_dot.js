// expect: SyntaxError: Numeric separators are not allowed at the end of numeric literals @2:10
var x = 1_.5;
