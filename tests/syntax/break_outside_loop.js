// expect: SyntaxError: Illegal break statement @3:3
function f() {
  break;
}
