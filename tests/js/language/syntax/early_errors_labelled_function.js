// A labelled function declaration is an early SyntaxError as the body of a loop or an if
// statement, however many labels deep (IsLabelledFunction).
print('must not print');
while (false) outer: inner: function f() {}
// expect-uncaught: SyntaxError
