// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "3. Execution Context & The
// Two-Phase Model": after phase 1, x is undefined and greet is hoisted in full; phase 2 prints
// 10 and greet() prints "Hi".
console.log(x);  // expect: undefined
console.log(typeof greet);  // expect: function
var x = 10;
function greet() {
  console.log("Hi");
}
var x = 10; // x: undefined → 10
console.log(x); // prints 10
// expect: 10
greet(); // creates a new FEC, pushes to call stack
// expect: Hi
