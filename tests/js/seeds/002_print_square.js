// Seed: /work/shared/seeds/002_29fbf230091f14a0.txt, section "The call stack and the memory
// heap". Output shown in the article: 25.
function multiply(a, b) {
  return a * b;
}
function square(n) {
  return multiply(n, n);
}
function printSquare(n) {
  const result = square(n);
  console.log(result);  // expect: 25
}
printSquare(5);
