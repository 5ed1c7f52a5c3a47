// Found by tools/difffuzz (seed 100016, hand-reduced): the interpreter's `**` disagrees with V8
// when the exact result is a tie between two doubles: 402653084 ** 2 is exactly
// 162129506054711056, halfway between 162129506054711040 (x * x, V8) and ...072 (glibc pow).
// The spec leaves ** implementation-approximated, but the tiers must agree with the
// interpreter, and LLVM folds pow(x, 2) to x * x: st_ops_pow should square exactly.
var x = 402653084;
function sq(a) { return a ** 2; }
print(sq(x), x * x, Math.pow(x, 2)); // expect: 162129506054711040 162129506054711040 162129506054711040
print(sq(x) === x * x); // expect: true
