// engine-only: Strata natives (%GetTier, %OptimizeFunctionOnNextCall) behind --allow-natives-syntax
// flags: --allow-natives-syntax
// %GetTier(f) names the tier f currently runs in (which one depends on the configuration, so
// only its type is checked); asking for optimization never changes results.
function add(a, b) { return a + b; }
var tier = %GetTier(add);
print(typeof tier, tier.length > 0);
for (var i = 0; i < 100; i++) add(i, 1);
%OptimizeFunctionOnNextCall(add);
print(add(2, 3), add('a', 'b'), add(0.5, 0.25));
var after = %GetTier(add);
print(typeof after, after.length > 0);
function loopSum(n) { var s = 0; for (var j = 0; j < n; j++) s += j; return s; }
print(loopSum(1000));
%OptimizeFunctionOnNextCall(loopSum);
print(loopSum(1000), loopSum(10), typeof %GetTier(loopSum));
// expect: string true
// expect: 5 ab 0.75
// expect: string true
// expect: 499500
// expect: 499500 45 string
