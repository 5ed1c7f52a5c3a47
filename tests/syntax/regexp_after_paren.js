// expect: SyntaxError: Regular expression literals are not supported yet @3:8
// node-accepts: regular expressions are valid JavaScript; Strata does not support them yet
if (x) /foo/.test(s);
