// An inlined callee makes a call that is not inlined (to a recursive function, or one that
// uses `arguments`) and a guard on its result fails: the call's window must not clobber a
// register of any frame (a's p and q, b's k, top's t, which still holds its entry value), and
// the rebuilt frames finish the work. Every tier inlines b (depth 1) and deopts there, after
// the call; llvm and gccjit also inline mid into top (mid is too large for the mid tier).
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax --trace-deopt
let bump = 1;
function down(n) { return n <= 0 ? bump : down(n - 1); }
function b(x) { return down(x) * 2; }
function a(x) { const p = x + 10, q = x * 3; const r = b(x); return r + p + q; }
let s = 0;
for (let i = 0; i < 300; i++) s += a(i % 7);
%OptimizeFunctionOnNextCall(a);
print(s, a(3));
bump = 0.25;
print(a(4));
print(a(2));
bump = 1;
print(a(5));

// Six arguments: the window covers most of top's registers.
let extra = 0;
function wide(a, b, c, d, e, f) { return arguments.length > 6 ? 0 : a + b + c + d + e + f + extra; }
function mid(x) { return wide(x, 0, 0, 0, 0, 1) & 7; }
function top(x) {
  let t;
  let s = 0;
  for (let i = 0; i < 3; i++) s += mid(x + i);
  return s + " " + t;
}
let r = "";
for (let i = 0; i < 300; i++) r = top(i % 5);
%OptimizeFunctionOnNextCall(top);
print(r, top(3));
extra = 0.5;
print(top(2));
extra = 0;
print(top(2147483646), top(1));
// expect: 7188 24
// expect: 26.5
// expect: 18.5
// expect: 32
// expect: 18 undefined 15 undefined
// expect: 12 undefined
// expect: 8 undefined 9 undefined
// expect-stderr: inlined_call_deopt.js:11:1) @18: not an int32 (tier
// expect-stderr: , depth 1)
// expect-stderr: inlined_call_deopt.js:26:1) @
