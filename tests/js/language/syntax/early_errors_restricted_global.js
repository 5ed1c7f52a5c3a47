// engine-only: node runs a file as a CommonJS module, where `let undefined` is legal
// A script's let/const/class may not shadow a non-configurable global property such as
// `undefined`: a SyntaxError before any of the script runs.
print('must not print');
let undefined;
// expect-uncaught: SyntaxError: Identifier 'undefined' has already been declared
