// Seed: /work/shared/seeds/004_7aeb3c6e332b10b2.txt, section "Memory — Stack and Heap".
// The article's comments show 'Bob' in quotes; console.log of a string prints it without
// quotes, so the expected lines follow node: Bob.
// STACK — primitives stored by value
let x = 10; // x stored on stack
let y = x; // y gets a COPY of x's value
y = 20;
console.log(x); // 10 — x is unchanged
// expect: 10
console.log(y); // 20 — independent copy
// expect: 20
// HEAP — objects stored by reference
let obj1 = { name: 'Alice' }; // object on heap, obj1 holds reference
let obj2 = obj1; // obj2 copies the REFERENCE, not the object
obj2.name = 'Bob';
console.log(obj1.name); // 'Bob' — same object!
// expect: Bob
console.log(obj2.name); // 'Bob'
// expect: Bob
// CALL STACK — function frames
function outer() {
  let a = 1; // pushed onto stack
  function inner() {
    let b = 2; // pushed onto stack
    return a + b; // reads a from outer frame
  } // inner frame popped off stack
  return inner();
} // outer frame popped off stack
console.log(outer()); // 3
// expect: 3
