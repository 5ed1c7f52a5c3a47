// expect: SyntaxError: BigInt literals are not supported @3:31
// node-accepts: BigInt literals are valid JavaScript; Strata does not support them
var big = 12345678901234567890n;
