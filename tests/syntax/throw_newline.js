// expect: SyntaxError: Illegal newline after throw @4:5
function f() {
  throw
    new Error('x');
}
