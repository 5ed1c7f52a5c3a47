// An int32-specialized add leaves for the interpreter when a double, then a string arrives,
// and the results stay exactly the interpreter's.
// requires-tier: baseline mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax --trace-deopt
function add(a, b) { return a + b; }
for (let i = 0; i < 200; i++) add(i, 1);
%OptimizeFunctionOnNextCall(add);
print(add(2147483647, 0));
print(%GetTier(add) === "interp" ? "not compiled" : "compiled");
print(add(2147483647, 1));
print(add(0.5, 0.25));
print(add("a", 1));
print(add(1, { valueOf() { return 41; } }));
print(add(-0, -0), Object.is(add(-0, -0), -0));
// expect: 2147483647
// expect: compiled
// expect: 2147483648
// expect: 0.75
// expect: a1
// expect: 42
// expect: 0 true
