// An invalid assignment target is an early SyntaxError.
print('must not print');
var a = 1;
a + 1 = 2;
// expect-uncaught: SyntaxError
