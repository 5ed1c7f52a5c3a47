// expect: SyntaxError: Unexpected identifier 'g' @3:9
function f() {
  await g();
}
