// expect: SyntaxError: Unexpected reserved word @2:5
var enum = 1;
