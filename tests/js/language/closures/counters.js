// Closures keep their environment alive; each call of the factory makes a new environment.
function makeCounter(start) {
  var count = start;
  return {
    inc: function () { return ++count; },
    dec: function () { return --count; },
    get: function () { return count; },
  };
}
var c1 = makeCounter(0), c2 = makeCounter(100);
c1.inc(); c1.inc(); c2.dec();
print(c1.get(), c2.get());  // expect: 2 99
print(c1.inc(), c2.inc(), c1.get(), c2.get());  // expect: 3 100 3 100
// The same variable is shared by all closures of one environment.
function pair() {
  var shared = 'initial';
  return [function (v) { shared = v; }, function () { return shared; }];
}
var p = pair();
p[0]('changed');
print(p[1]());  // expect: changed
// Parameters are captured like locals.
function adder(n) { return function (x) { return x + n; }; }
var add5 = adder(5), add10 = adder(10);
print(add5(1), add10(1), adder(-1)(1));  // expect: 6 11 0
// Closures capturing a variable that changes after the closure was made see the change.
function late() {
  var v = 'before';
  var f = function () { return v; };
  v = 'after';
  return f;
}
print(late()());  // expect: after
// A generator of unique ids.
var nextId = (function () { var id = 0; return function () { return 'id' + id++; }; })();
print(nextId(), nextId(), nextId());  // expect: id0 id1 id2
// Many closures over many environments.
var fns = [];
for (var i = 0; i < 1000; i++) fns.push(makeCounter(i));
var total = 0;
for (var j = 0; j < fns.length; j++) total += fns[j].inc();
print(total);  // expect: 500500
// Memoization through a closure.
function memo(f) {
  var cache = {};
  var calls = 0;
  var g = function (n) {
    if (!(n in cache)) { calls++; cache[n] = f(n); }
    return cache[n];
  };
  g.calls = function () { return calls; };
  return g;
}
var fib = memo(function (n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); });
print(fib(80), fib.calls());  // expect: 23416728348467684 81
