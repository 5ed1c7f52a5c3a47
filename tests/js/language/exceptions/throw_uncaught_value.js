// Uncaught non-Error values are reported as their string form.
print('start');  // expect: start
throw 'a plain string';
// expect-uncaught: a plain string
