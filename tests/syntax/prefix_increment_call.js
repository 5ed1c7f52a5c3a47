// expect: SyntaxError: Invalid left-hand side expression in prefix operation @3:3
// node-accepts: V8 throws a ReferenceError at run time for a call as an update target in sloppy mode
++f();
