// Globals read as constants by compiled code: an assignment or a redefinition of the global
// is seen by code compiled before it.
// requires-tier: baseline mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax
globalThis.K = 5; // a configurable global (a var would not be deletable)
function scaled(x) { return x * K; }
function callsHelper(x) { return helper(x); }
function helper(x) { return x + 1; }
for (let i = 0; i < 300; i++) { scaled(i); callsHelper(i); }
%OptimizeFunctionOnNextCall(scaled);
%OptimizeFunctionOnNextCall(callsHelper);
print(scaled(2), callsHelper(2));
K = 6;
helper = function (x) { return x - 1; };
print(scaled(2), callsHelper(2));
delete globalThis.K;
try { scaled(2); } catch (e) { print(e.name); }
globalThis.K = 0.5;
print(scaled(3));
// expect: 10 3
// expect: 12 1
// expect: ReferenceError
// expect: 1.5
