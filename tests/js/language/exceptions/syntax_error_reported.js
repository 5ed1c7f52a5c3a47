// A syntax error anywhere means nothing runs: exit 1, a SyntaxError naming the file and line.
print('must not print');
var ok = 1;
var broken = (1 + ;
// expect-uncaught: SyntaxError
// expect-stderr: syntax_error_reported.js:4
