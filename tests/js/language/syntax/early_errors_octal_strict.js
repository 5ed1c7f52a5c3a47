// Legacy octal literals are early SyntaxErrors in strict code.
print('must not print');
function f() { 'use strict'; return 010; }
// expect-uncaught: SyntaxError
