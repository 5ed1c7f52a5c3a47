// expect: SyntaxError: 'super' keyword unexpected here @3:9
class A extends B {
  m() { super(); }
}
