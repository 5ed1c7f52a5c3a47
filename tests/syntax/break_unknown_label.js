// expect: SyntaxError: Undefined label 'inner' @3:9
outer: while (true) {
  break inner;
}
