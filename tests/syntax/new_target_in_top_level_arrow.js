// expect: SyntaxError: new.target expression is not allowed here @3:15
// node-accepts: node --check wraps a script in a CommonJS module function, where new.target is allowed
var f = () => new.target;
