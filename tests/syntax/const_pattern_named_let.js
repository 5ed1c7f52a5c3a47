// expect: SyntaxError: let is disallowed as a lexically bound name @2:8
const {let} = obj;
