// expect: SyntaxError: 'super' keyword unexpected here @3:10
function f() {
  return super.x;
}
