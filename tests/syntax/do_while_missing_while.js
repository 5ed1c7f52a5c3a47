// expect: SyntaxError: Unexpected identifier 'until' @2:13
do { x++; } until (x > 3);
