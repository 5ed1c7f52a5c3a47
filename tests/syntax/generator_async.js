// expect: SyntaxError: Generators are not supported @3:15
// node-accepts: async generators are valid JavaScript; Strata does not support them
async function* g() {}
