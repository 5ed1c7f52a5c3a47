// break outside a loop or switch is an early SyntaxError.
print('must not print');
function f() { break; }
// expect-uncaught: SyntaxError
