// Closures created and called in hot loops, capturing loop variables and mutating shared state.
function makeAdders(n) { var fs = []; for (let i = 0; i < n; i++) fs.push(function (x) { return x + i; }); return fs; }
var total = 0;
for (var r = 0; r < 200; r++) { var fs = makeAdders(10); for (var j = 0; j < fs.length; j++) total += fs[j](r); }
print(total);  // expect: 208000
function counter() { var c = 0; return { inc: function () { return ++c; }, get: function () { return c; } }; }
var cs = [];
for (var k = 0; k < 100; k++) cs.push(counter());
for (var m = 0; m < 10000; m++) cs[m % 100].inc();
print(cs[0].get(), cs[99].get(), cs.reduce(function (s, c) { return s + c.get(); }, 0));
// expect: 100 100 10000
var captured = 0;
var bump = function (by) { captured += by; };
for (var n = 0; n < 50000; n++) bump(n & 1 ? 1 : -1);
bump(0.5);
print(captured);  // expect: 0.5
function compose(f, g) { return function (x) { return f(g(x)); }; }
var chain = function (x) { return x; };
for (var q = 0; q < 50; q++) chain = compose(function (x) { return x + 1; }, chain);
print(chain(0), chain(-50));  // expect: 50 0
