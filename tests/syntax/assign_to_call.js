// expect: SyntaxError: Invalid left-hand side in assignment @3:1
// node-accepts: V8 throws a ReferenceError at run time for a call as an assignment target in sloppy mode
getItem() = 5;
