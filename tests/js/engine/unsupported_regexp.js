// engine-only: regular expressions are out of Strata's language subset for now
// A regular-expression literal is a SyntaxError saying it is not supported; nothing runs.
print('must not print: the whole script fails to parse');
var re = /ab+c/;
// expect-uncaught: SyntaxError
// expect-stderr: unsupported_regexp.js:4
