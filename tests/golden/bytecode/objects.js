// object literals: shorthand, computed keys, methods, accessors, spread, __proto__
var a = 1, b = 2;
var o = {
  a,
  b: b,
  'string key': 3,
  42: 'answer',
  [a + b]: 'computed',
  method() { return this.a; },
  get both() { return this.a + this.b; },
  set both(v) { this.a = v; },
  async later() {},
  ...rest,
  __proto__: null,
  if: 'keyword key',
};
var empty = {};
