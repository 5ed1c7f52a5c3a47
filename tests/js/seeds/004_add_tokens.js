// Seed: /work/shared/seeds/004_7aeb3c6e332b10b2.txt, section "How Code Goes from Text to
// Execution", "1. Source Code". The article shows the program, not its output (5).
function add(a, b) {
  return a + b;
}
console.log(add(2, 3));  // expect: 5
