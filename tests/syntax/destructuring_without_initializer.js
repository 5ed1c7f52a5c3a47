// expect: SyntaxError: Missing initializer in destructuring declaration @2:5
let [first, second];
