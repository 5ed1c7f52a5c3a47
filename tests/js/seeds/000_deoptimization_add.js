// Seed: /work/shared/seeds/000_4e4f9a65f3b4f9e4.txt, section "When Assumptions Go Wrong:
// Deoptimization". The article shows no output: add() is called thousands of times with
// numbers, then with strings, where + "needs to perform string concatenation".
function add(a, b) {
  return a + b;
}
let sum = 0;
for (let i = 0; i < 10000; i++) sum = add(sum, i);
console.log(sum);  // expect: 49995000
console.log(add("hello", " world"));  // expect: hello world
console.log(add(2, 3), add("2", 3), add(2.5, 0.25));  // expect: 5 23 2.75
