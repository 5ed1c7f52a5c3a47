// expect: SyntaxError: let is disallowed as a lexically bound name @2:5
let let = 1;
