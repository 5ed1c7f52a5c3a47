// Function.prototype.toString returns the exact source text of JS functions and a
// "[native code]" form for built-ins.
function add(a, b) { return a + b; }
print(add.toString());  // expect: function add(a, b) { return a + b; }
var expr = function (x) {
  return x * 2; // a comment is part of the source
};
print(expr.toString());
// expect: function (x) {
// expect:   return x * 2; // a comment is part of the source
// expect: }
var arrow = (a, b) => a - b;
print(String(arrow));  // expect: (a, b) => a - b
var obj = { method(p) { return p; }, get acc() { return 1; } };
print(obj.method.toString());  // expect: method(p) { return p; }
print(Object.getOwnPropertyDescriptor(obj, 'acc').get.toString());
// expect: get acc() { return 1; }
class K { constructor(v) { this.v = v; } m() { return this.v; } }
print(K.toString());  // expect: class K { constructor(v) { this.v = v; } m() { return this.v; } }
print(K.prototype.m.toString());  // expect: m() { return this.v; }
async function af() { await 1; }
print(af.toString());  // expect: async function af() { await 1; }
var nat = Math.max.toString();
print(nat.indexOf('[native code]') >= 0, nat.indexOf('max') >= 0, nat.slice(0, 8));
// expect: true true function
print(Function.prototype.toString.call(Array.prototype.push).indexOf('[native code]') >= 0);
// expect: true
var bound = add.bind(null);
print(bound.toString().indexOf('[native code]') >= 0);  // expect: true
try { Function.prototype.toString.call({}); } catch (e) { print(e.name); }  // expect: TypeError
print(typeof Function.prototype, Function.prototype(), Function.prototype.length, Function.prototype.name === '');
// expect: function undefined 0 true
