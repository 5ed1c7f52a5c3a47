// expect: SyntaxError: new.target expression is not allowed here @3:9
// node-accepts: node --check wraps a script in a CommonJS module function, where new.target is allowed
var t = new.target;
