// expect: SyntaxError: Missing initializer in const declaration @2:7
const answer;
