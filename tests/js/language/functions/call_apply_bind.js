// Function.prototype.call, apply and bind.
function describe(a, b) { return this.name + ':' + a + ':' + b; }
var ctx = { name: 'ctx' };
print(describe.call(ctx, 1, 2), describe.apply(ctx, [3, 4]), describe.apply(ctx));
// expect: ctx:1:2 ctx:3:4 ctx:undefined:undefined
print(describe.apply(ctx, { length: 2, 0: 'x', 1: 'y' }), describe.call(ctx, ...['s', 't']));
// expect: ctx:x:y ctx:s:t
var b1 = describe.bind(ctx, 'pre');
print(b1('post'), b1.length, b1.name, describe.length);  // expect: ctx:pre:post 1 bound describe 2
var b2 = b1.bind({ name: 'ignored' }, 'second');
print(b2(), b2.length, b2.name);  // expect: ctx:pre:second 0 bound bound describe
// A bound function used with new ignores the bound this but keeps the arguments.
function Pair(a, b) { this.a = a; this.b = b; }
var BoundPair = Pair.bind(null, 'first');
var p = new BoundPair('second');
print(p.a, p.b, p instanceof Pair, p instanceof BoundPair);  // expect: first second true true
// apply with a large array.
var arr = [];
for (var i = 0; i < 10000; i++) arr.push(i % 97);
print(Math.max.apply(null, arr), Math.min.apply(Math, arr));  // expect: 96 0
// Built-ins through call: borrowing methods.
print(Array.prototype.map.call('abc', function (c) { return c.toUpperCase(); }).join(''));
// expect: ABC
print(Array.prototype.slice.call({ length: 3, 0: 'a', 2: 'c' }).length);  // expect: 3
print(Object.prototype.toString.call([]), Object.prototype.toString.call(null));
// expect: [object Array] [object Null]
// Errors: apply's second argument must be an object (or null/undefined).
try { describe.apply(ctx, 5); } catch (e) { print(e.name); }  // expect: TypeError
try { Function.prototype.call.call(5); } catch (e) { print(e.name); }  // expect: TypeError
try { Function.prototype.bind.call({}); } catch (e) { print(e.name); }  // expect: TypeError
// call with no arguments, apply with null.
function count() { return arguments.length; }
print(count.call(), count.apply(null, null), count.apply(undefined, []), count.call(null, undefined));
// expect: 0 0 0 1
// bind preserves partial arguments across calls.
var add = function (a, b, c) { return a + b + c; };
var add1 = add.bind(null, 1);
var add12 = add1.bind(null, 2);
print(add1(2, 3), add12(3), add12.length, add1.length);  // expect: 6 6 1 2
// Bound arrow functions keep their lexical this.
var arrowHolder = {
  v: 'lexical',
  make: function () { return (() => this.v).bind({ v: 'bound' }); },
};
print(arrowHolder.make()());  // expect: lexical
