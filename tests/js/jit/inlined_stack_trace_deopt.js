// The program of inlined_stack_trace.js (see there) with forced deopts: every 5th guard fails,
// so captures also happen in frames rebuilt by deopt and in code entered again after it; the
// traces must not change (a deopt resets the frame's site word).
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax --deopt-every=5
const prog = require("./_inlined_stack_program.js");
prog.warm();
for (const f of prog.optimized) %OptimizeFunctionOnNextCall(f);
prog.report();
prog.report();
// expect: inner1 _inlined_stack_program.js:20:28 | mid1 _inlined_stack_program.js:21:27 | outer1 _inlined_stack_program.js:22:29
// expect: mid2 _inlined_stack_program.js:24:40 | inner2 _inlined_stack_program.js:25:29 | outer2 _inlined_stack_program.js:26:29
// expect: TypeError: Reduce of empty array with no initial value | callBuiltin _inlined_stack_program.js:28:36 | mid3 _inlined_stack_program.js:29:27 | outer3 _inlined_stack_program.js:30:35
// expect: pick _inlined_stack_program.js:32:35 | twice _inlined_stack_program.js:34:13
// expect: pick _inlined_stack_program.js:32:35 | twice _inlined_stack_program.js:35:13
// expect: p1 _inlined_stack_program.js:39:87 | poly _inlined_stack_program.js:41:51
// expect: inner1 _inlined_stack_program.js:20:28 | mid1 _inlined_stack_program.js:21:27 | outer1 _inlined_stack_program.js:22:29
// expect: TypeError: Reduce of empty array with no initial value | callBuiltin _inlined_stack_program.js:28:36 | mid3 _inlined_stack_program.js:29:27 | outer3 _inlined_stack_program.js:30:35
// expect: inner1 _inlined_stack_program.js:20:28 | mid1 _inlined_stack_program.js:21:27 | outer1 _inlined_stack_program.js:22:29 | deep _inlined_stack_program.js:43:37 | deep _inlined_stack_program.js:43:49 | deep _inlined_stack_program.js:43:49 | deep _inlined_stack_program.js:43:49 | deep _inlined_stack_program.js:43:49 | deep _inlined_stack_program.js:43:49 | deep _inlined_stack_program.js:43:49)
// expect: inner1 _inlined_stack_program.js:20:28 | mid1 _inlined_stack_program.js:21:27 | outer1 _inlined_stack_program.js:22:29
// expect: mid2 _inlined_stack_program.js:24:40 | inner2 _inlined_stack_program.js:25:29 | outer2 _inlined_stack_program.js:26:29
// expect: TypeError: Reduce of empty array with no initial value | callBuiltin _inlined_stack_program.js:28:36 | mid3 _inlined_stack_program.js:29:27 | outer3 _inlined_stack_program.js:30:35
// expect: pick _inlined_stack_program.js:32:35 | twice _inlined_stack_program.js:34:13
// expect: pick _inlined_stack_program.js:32:35 | twice _inlined_stack_program.js:35:13
// expect: p1 _inlined_stack_program.js:39:87 | poly _inlined_stack_program.js:41:51
// expect: inner1 _inlined_stack_program.js:20:28 | mid1 _inlined_stack_program.js:21:27 | outer1 _inlined_stack_program.js:22:29
// expect: TypeError: Reduce of empty array with no initial value | callBuiltin _inlined_stack_program.js:28:36 | mid3 _inlined_stack_program.js:29:27 | outer3 _inlined_stack_program.js:30:35
// expect: inner1 _inlined_stack_program.js:20:28 | mid1 _inlined_stack_program.js:21:27 | outer1 _inlined_stack_program.js:22:29 | deep _inlined_stack_program.js:43:37 | deep _inlined_stack_program.js:43:49 | deep _inlined_stack_program.js:43:49 | deep _inlined_stack_program.js:43:49 | deep _inlined_stack_program.js:43:49 | deep _inlined_stack_program.js:43:49 | deep _inlined_stack_program.js:43:49)
