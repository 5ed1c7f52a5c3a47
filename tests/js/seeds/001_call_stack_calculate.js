// Seed: /work/shared/seeds/001_c468d63599bb9f39.txt, section "Call stack and memory heap".
// The article walks the call stack of this program without showing output; calculate()
// returns 4 + 5 - 2, printed here so the test can check it.
function subtractTwo(num) {
  return num - 2;
}
function calculate() {
  const sumTotal = 4 + 5;
  return subtractTwo(sumTotal);
}
calculate();
console.log(calculate());  // expect: 7
