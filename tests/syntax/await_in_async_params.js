// expect: SyntaxError: Illegal await-expression in formal parameters of async function @2:22
async function f(x = await g()) {}
