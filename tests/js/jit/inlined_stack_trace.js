// Stack traces captured below inlined frames (new Error().stack, Error.captureStackTrace, a
// TypeError thrown by a built-in) list every inlined level with its own position, exactly as
// the interpreter prints them: the capture expands an optimized frame through the snapshot of
// the call in progress (interp/frame.h, site word). The program is _inlined_stack_program.js;
// here its callers are optimized on demand, so every listed function is compiled with its
// callees inlined. inlined_stack_trace_deopt.js runs it with forced deopts, and
// inlined_stack_corpus.js under every corpus configuration.
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax
const prog = require("./_inlined_stack_program.js");
prog.warm();
for (const f of prog.optimized) %OptimizeFunctionOnNextCall(f);
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
