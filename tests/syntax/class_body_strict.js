// expect: SyntaxError: Unexpected eval or arguments in strict mode @3:13
class A {
  m() { var eval = 1; }
}
