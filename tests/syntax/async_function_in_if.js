// expect: SyntaxError: Async functions can only be declared at the top level or inside a block. @2:9
if (ok) async function f() {}
