// expect: SyntaxError: Class static blocks are not supported @4:10
// node-accepts: class static blocks are valid JavaScript; Strata does not support them
class A {
  static {
    init();
  }
}
