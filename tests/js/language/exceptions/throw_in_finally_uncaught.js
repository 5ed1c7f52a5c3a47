// A finally block runs before the exception escapes the program.
try {
  print('try');  // expect: try
  throw new RangeError('escapes');
} finally {
  print('finally');  // expect: finally
}
// expect-uncaught: RangeError: escapes
