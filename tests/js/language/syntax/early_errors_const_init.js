// const without an initializer is an early SyntaxError.
print('must not print');
const c;
// expect-uncaught: SyntaxError
