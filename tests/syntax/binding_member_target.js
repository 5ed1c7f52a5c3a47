// expect: SyntaxError: Unexpected token '.' @2:7
let [a.b] = c;
