// expect: SyntaxError: Regular expression literals are not supported yet @3:10
// node-accepts: regular expressions are valid JavaScript; Strata does not support them yet
var re = /ab+c/i;
