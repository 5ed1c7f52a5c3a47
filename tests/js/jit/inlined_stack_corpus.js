// The program of inlined_stack_trace.js (see there) without natives, for the corpus runner's
// configurations (the -hot ones compile the callers, with their callees inlined, during the
// warm-up, and OSR the loops). Engine-only: node lists the built-in's frame (Array.reduce) and
// its own module frames.
// engine-only: V8 prints built-in frames and node module frames
const prog = require("./_inlined_stack_program.js");
prog.warm();
prog.warm();
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
