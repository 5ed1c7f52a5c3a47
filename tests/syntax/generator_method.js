// expect: SyntaxError: Generators are not supported @4:3
// node-accepts: generators are valid JavaScript; Strata does not support them
var o = {
  *items() {}
};
