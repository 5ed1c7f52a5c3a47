// expect: SyntaxError: Illegal return statement @4:1
// node-accepts: node --check wraps a script in a CommonJS module function, where return is allowed
var x = 1;
return x;
