// expect: SyntaxError: Illegal await-expression in formal parameters of async function @3:10
async function f() {
  return async (a = await b) => a;
}
