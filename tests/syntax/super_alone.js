// expect: SyntaxError: 'super' keyword unexpected here @3:16
class A extends B {
  m() { return super; }
}
