// expect: SyntaxError: import() and import.meta are not supported @3:9
// node-accepts: dynamic import is valid in scripts; Strata does not support it
var m = import('./m.js');
