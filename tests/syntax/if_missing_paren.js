// expect: SyntaxError: Unexpected identifier 'x' @2:4
if x > 1 { y(); }
