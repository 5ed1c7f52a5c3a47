// expect: SyntaxError: Undefined label 'outer' @3:38
outer: for (;;) {
  [1].forEach(function () { continue outer; });
}
