// expect: SyntaxError: Unexpected identifier 'targt' @3:14
function f() {
  return new.targt;
}
