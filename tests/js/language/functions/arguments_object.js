// The arguments object: array-like, mapped to the parameters in sloppy functions with simple
// parameter lists, unmapped in strict functions and with defaults/rest/destructuring.
function info() { return arguments.length + ':' + Array.prototype.join.call(arguments, '|'); }
print(info(), info(1), info(1, 'two', [3]), info(undefined, null));  // expect: 0: 1:1 3:1|two|3 2:|
function sloppy(a, b) {
  arguments[0] = 'changed via arguments';
  b = 'changed via b';
  return [a, arguments[1], arguments.length].join(' / ');
}
print(sloppy('a', 'b'));  // expect: changed via arguments / changed via b / 2
print(sloppy('a'));  // expect: changed via arguments /  / 1
function strict(a, b) {
  'use strict';
  arguments[0] = 'changed via arguments';
  b = 'changed via b';
  return [a, arguments[1]].join(' / ');
}
print(strict('a', 'b'));  // expect: a / b
function withDefault(a, b = 2) {
  arguments[0] = 'changed';
  return a + ' ' + arguments.length;
}
print(withDefault('orig'));  // expect: orig 1
function deleted(a) {
  delete arguments[0];
  arguments[0] = 'new';
  return a + ' ' + arguments[0];
}
print(deleted('orig'));  // expect: orig new
function extra(a) { return arguments[1] + arguments[2]; }
print(extra(1, 2, 3));  // expect: 5
print(Object.prototype.toString.call((function () { return arguments; })()));
// expect: [object Arguments]
print(Array.isArray((function () { return arguments; })()), typeof (function () { return arguments; })());
// expect: false object
// Converting to a real array.
function toArray() { return Array.from(arguments).concat([...arguments], Array.prototype.slice.call(arguments)); }
print(toArray(1, 2).join(','));  // expect: 1,2,1,2,1,2
// arguments.length can be written; it does not change the parameters.
function writable() { arguments.length = 1; return Array.prototype.slice.call(arguments).join(','); }
print(writable('x', 'y', 'z'));  // expect: x
// Arrow functions have no own arguments: they see the enclosing function's.
function outer() {
  var arrow = () => arguments[0];
  return arrow('ignored');
}
print(outer('from outer'));  // expect: from outer
// Iterating arguments with for-of.
function sum() { var s = 0; for (var x of arguments) s += x; return s; }
print(sum(1, 2, 3, 4));  // expect: 10
// callee in sloppy mode is the function itself; in strict mode it throws.
function self() { return arguments.callee === self; }
print(self());  // expect: true
try { (function () { 'use strict'; return arguments.callee; })(); } catch (e) { print(e.name); }
// expect: TypeError
// Many arguments.
var many = [];
for (var i = 0; i < 1000; i++) many.push(i);
print(info.apply(null, many).length, sum.apply(null, many));  // expect: 3894 499500
