// engine-only: %DeoptimizeNow and %OptimizeFunctionOnNextCall are Strata natives
// flags: --allow-natives-syntax
// Leaving optimized code in the middle of a function (deopt) must resume exactly where the
// interpreter would be, with every local intact.
function work(n, bail) {
  var a = n * 2, b = 'str' + n, c = [n, n + 1];
  if (bail) %DeoptimizeNow();
  return a + b.length + c[1];
}
for (var i = 0; i < 50; i++) work(i, false);
%OptimizeFunctionOnNextCall(work);
print(work(10, false), work(10, true), work(7, true));
function poly(o) { return o.x + o.y; }
for (var j = 0; j < 50; j++) poly({ x: j, y: 1 });
%OptimizeFunctionOnNextCall(poly);
print(poly({ x: 1, y: 2 }), poly({ y: 'b', x: 'a' }), poly({ x: 1.5, y: 2.25, z: 0 }));
// expect: 36 36 26
// expect: 3 ab 3.75
