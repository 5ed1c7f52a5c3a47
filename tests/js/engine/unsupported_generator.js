// engine-only: generators are out of Strata's language subset for now
// A generator function is a SyntaxError saying it is not supported.
function* gen() { yield 1; }
print('must not print');
// expect-uncaught: SyntaxError
// expect-stderr: unsupported_generator.js:3
