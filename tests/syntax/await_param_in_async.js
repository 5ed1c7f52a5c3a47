// expect: SyntaxError: Unexpected reserved word @2:18
async function f(await) {}
