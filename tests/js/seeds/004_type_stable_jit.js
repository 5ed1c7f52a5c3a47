// Seed: /work/shared/seeds/004_7aeb3c6e332b10b2.txt, section "Write type-stable code for better
// JIT performance". The article's comment shows 8 for addNumbers(5, 3); mixedAdd is the
// deoptimization example: after 500 numeric calls a string argument must still concatenate.
// ✅ JIT-friendly — consistent types
function addNumbers(a, b) {
  return a + b; // always numbers → JIT compiles fast numeric add
}
for (let i = 0; i < 1000000; i++) {
  addNumbers(i, i + 1); // V8 detects 'hot', compiles to machine code
}
console.log(addNumbers(5, 3)); // 8 — runs as native machine code
// expect: 8
// ❌ JIT-unfriendly — inconsistent types (deoptimizes)
function mixedAdd(a, b) {
  return a + b; // sometimes number+number, sometimes string+number
}
let total = 0;
for (let i = 0; i < 500; i++) {
  total += mixedAdd(i, i + 1); // V8 assumes: number + number
}
console.log(total);  // expect: 250000
console.log(mixedAdd('hello', 5)); // DEOPT! — assumption broken, falls back to bytecode
// expect: hello5
console.log(mixedAdd(1, 2));  // expect: 3
