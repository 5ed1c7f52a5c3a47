// expect: SyntaxError: Unexpected token '.' @2:17
var n = () => {}.name;
