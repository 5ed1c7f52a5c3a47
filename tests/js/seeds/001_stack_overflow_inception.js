// Seed: /work/shared/seeds/001_c468d63599bb9f39.txt, section "Stack overflow".
// The article's program recurses forever and shows "Maximum call stack size exceeded."; here
// the RangeError is caught so the test can print it and go on.
function inception() {
  inception();
}
try {
  inception();
} catch (e) {
  console.log(e instanceof RangeError, e.message);  // expect: true Maximum call stack size exceeded
}
console.log('the program continues after the overflow');
// expect: the program continues after the overflow
