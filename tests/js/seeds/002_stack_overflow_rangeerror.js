// Seed: /work/shared/seeds/002_29fbf230091f14a0.txt, section "The call stack and the memory
// heap": a function that calls itself with no base case gets
// "RangeError: Maximum call stack size exceeded".
function noBaseCase(n) {
  return noBaseCase(n + 1);
}
try {
  noBaseCase(0);
} catch (e) {
  console.log(String(e));  // expect: RangeError: Maximum call stack size exceeded
  console.log(e.name, e instanceof RangeError);  // expect: RangeError true
}
