'use strict';
// delete of a plain identifier in strict code is an early SyntaxError.
print('must not print');
var v = 1;
delete v;
// expect-uncaught: SyntaxError
