// expect: SyntaxError: Generators are not supported @3:9
// node-accepts: generators are valid JavaScript; Strata does not support them
function* counter() {
  yield 1;
}
