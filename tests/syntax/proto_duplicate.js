// expect: SyntaxError: Duplicate __proto__ fields are not allowed in object literals @4:3
var o = {
  __proto__: a,
  '__proto__': b
};
