// expect: SyntaxError: 'arguments' is not allowed in class field initializer or static initialization block @4:9
function f() {
  class A {
    x = arguments;
  }
}
