// Runaway recursion throws a catchable RangeError "Maximum call stack size exceeded"; the
// program continues normally afterwards.
function runaway() { return runaway() + 1; }
try {
  runaway();
  print('not reached');
} catch (e) {
  print(e instanceof RangeError, e.name, e.message);
  // expect: true RangeError Maximum call stack size exceeded
}
// Again, with arguments and locals, through mutual recursion.
function ping(n) { var local = [n]; return pong(n + 1) + local[0]; }
function pong(n) { return ping(n + 1); }
try { ping(0); } catch (e) { print(e.name, e.message); }
// expect: RangeError Maximum call stack size exceeded
// Through a method and a getter.
var obj = { get deep() { return this.deep; } };
try { obj.deep; } catch (e) { print('getter', e.name); }  // expect: getter RangeError
// Through a constructor.
function Rec() { new Rec(); }
try { new Rec(); } catch (e) { print('constructor', e.name); }  // expect: constructor RangeError
// finally blocks run while unwinding; the stack is usable again afterwards.
var finallies = 0;
function withFinally(n) {
  try { return withFinally(n + 1); } finally { finallies++; }
}
try { withFinally(0); } catch (e) { print('finally', e.name, finallies > 100); }
// expect: finally RangeError true
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
print(depth(10000));  // expect: 10000
// The error can be caught deep inside and recursion continues from there.
var caughtAt = -1;
function probe(n) {
  try {
    return probe(n + 1);
  } catch (e) {
    if (caughtAt < 0) caughtAt = n;
    return n;
  }
}
var r = probe(0);
print(r === caughtAt, caughtAt > 1000);  // expect: true true
// Many overflows in a row do not leak or crash.
var count = 0;
for (var i = 0; i < 20; i++) {
  try { runaway(); } catch (e) { if (e instanceof RangeError) count++; }
}
print(count);  // expect: 20
