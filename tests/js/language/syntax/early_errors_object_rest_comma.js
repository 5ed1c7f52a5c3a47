// In an object assignment pattern the rest element must be last: a trailing comma after it
// is an early SyntaxError (an object literal may end with `...x,`, a pattern may not).
print('must not print');
var rest;
({...rest,} = {});
// expect-uncaught: SyntaxError
