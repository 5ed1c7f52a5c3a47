// expect: SyntaxError: for await loops are not supported @4:7
// node-accepts: for await is valid JavaScript; Strata does not support it
async function f(xs) {
  for await (const x of xs) {}
}
