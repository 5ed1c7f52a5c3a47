// Fluent interfaces and objects that return this; computed member calls.
function Builder() { this.parts = []; }
Builder.prototype.add = function (p) { this.parts.push(p); return this; };
Builder.prototype.addIf = function (c, p) { return c ? this.add(p) : this; };
Builder.prototype.build = function () { return this.parts.join(' '); };
print(new Builder().add('a').addIf(false, 'b').addIf(true, 'c').add('d').build());  // expect: a c d
var q = {
  data: [5, 3, 8, 1],
  sorted() { return Object.assign(Object.create(q), { data: this.data.slice().sort((a, b) => a - b) }); },
  take(n) { return Object.assign(Object.create(q), { data: this.data.slice(0, n) }); },
  value() { return this.data.join(); },
};
print(q.sorted().take(2).value(), q.value());  // expect: 1,3 5,3,8,1
var methods = ['toUpperCase', 'toLowerCase', 'trim'];
var input = '  MiXeD  ';
print(methods.map(function (m) { return '[' + input[m]() + ']'; }).join(' '));
// expect: [  MIXED  ] [  mixed  ] [MiXeD]
// Chains on built-ins.
print([1, 2, 3, 4, 5, 6].filter((x) => x % 2).map((x) => x * x).reduce((a, b) => a + b, 0));
// expect: 35
print('a-b-c'.split('-').reverse().join('+').toUpperCase().padStart(7, '*'));  // expect: **C+B+A
// Optional chaining in the middle of a chain.
var cfg = { server: { ports: [80, 443] } };
print(cfg.server?.ports?.map((p) => p + 1).join(), cfg.client?.ports.map((p) => p).join());
// expect: 81,444 undefined
