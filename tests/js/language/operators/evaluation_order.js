// Operands, arguments, and member expressions are evaluated left to right.
var log = [];
function t(name, v) { log.push(name); return v; }
function flush() { var s = log.join(' '); log = []; return s; }
t('a', 1) + t('b', 2) * t('c', 3);
print(flush());  // expect: a b c
t('a', 1) * t('b', 2) + t('c', 3) ** t('d', 1);
print(flush());  // expect: a b c d
function f() { return Array.prototype.slice.call(arguments).join(); }
print(f(t('x', 1), t('y', 2), t('z', 3)), flush());  // expect: 1,2,3 x y z
// Callee and receiver are evaluated before the arguments.
var obj = { m: function (a) { return 'm' + a; } };
t('obj', obj)[t('key', 'm')](t('arg', 1));
print(flush());  // expect: obj key arg
// In an assignment, the target's object and key come before the value.
var target = {};
t('target', target)[t('prop', 'p')] = t('value', 1);
print(flush(), target.p);  // expect: target prop value 1
// Array and object literals evaluate elements in order.
var arr = [t('e0', 0), t('e1', 1), ...[t('e2', 2)]];
print(flush());  // expect: e0 e1 e2
var o = { [t('k1', 'a')]: t('v1', 1), [t('k2', 'b')]: t('v2', 2) };
print(flush(), JSON.stringify(o));  // expect: k1 v1 k2 v2 {"a":1,"b":2}
// Template substitutions in order.
var s = `${t('s1', 'x')}-${t('s2', 'y')}`;
print(s, flush());  // expect: x-y s1 s2
// new evaluates the constructor expression, then the arguments.
function C(a, b) { this.v = a + b; }
var c = new (t('ctor', C))(t('p1', 1), t('p2', 2));
print(c.v, flush());  // expect: 3 ctor p1 p2
// Conditional and comma.
t('cond', true) ? t('then', 1) : t('else', 2);
(t('one', 1), t('two', 2));
print(flush());  // expect: cond then one two
// The ToPrimitive of both operands happens after both are evaluated.
var x = { valueOf() { log.push('x.valueOf'); return 1; } };
var y = { valueOf() { log.push('y.valueOf'); return 2; } };
t('lhs', x) - t('rhs', y);
print(flush());  // expect: lhs rhs x.valueOf y.valueOf
// A thrown exception stops evaluation of later operands.
try {
  t('first', 1) + (function () { throw new Error('stop'); })() + t('never', 2);
} catch (e) {
  print(e.message, flush());  // expect: stop first
}
