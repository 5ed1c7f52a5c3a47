// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "4. The Call Stack".
function one() {
  two();
}
function two() {
  console.log("Inside two");  // expect: Inside two
}
one();
