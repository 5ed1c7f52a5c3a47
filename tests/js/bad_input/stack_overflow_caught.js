// Runaway recursion gives a catchable RangeError "Maximum call stack size exceeded", from plain
// recursion, mutual recursion, recursion through a getter, through toString (a native frame in
// between) and through a constructor; the stack is usable again right after.
function tryIt(label, f) {
  try { f(); print(label, 'no error'); } catch (e) { print(label, e.name + ': ' + e.message); }
}
function rec(n) { return rec(n + 1) + 1; }
tryIt('plain', function () { rec(0); });  // expect: plain RangeError: Maximum call stack size exceeded
function ping(n) { return pong(n + 1); }
function pong(n) { return ping(n + 1); }
tryIt('mutual', function () { ping(0); });  // expect: mutual RangeError: Maximum call stack size exceeded
var o = { get x() { return this.x; } };
tryIt('getter', function () { return o.x; });  // expect: getter RangeError: Maximum call stack size exceeded
var t = { toString: function () { return String(this); } };
tryIt('toString', function () { return String(t); });  // expect: toString RangeError: Maximum call stack size exceeded
function C() { return new C(); }
tryIt('constructor', function () { return new C(); });  // expect: constructor RangeError: Maximum call stack size exceeded
tryIt('spread args', function () { function f() { return f.apply(null, arguments); } f(1, 2, 3); });  // expect: spread args RangeError: Maximum call stack size exceeded
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
print('after', depth(1000));  // expect: after 1000
