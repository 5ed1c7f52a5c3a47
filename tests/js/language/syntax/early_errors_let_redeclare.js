// Redeclaring a let binding in the same scope is an early SyntaxError: nothing runs.
print('must not print');
let x = 1;
let x = 2;
// expect-uncaught: SyntaxError
