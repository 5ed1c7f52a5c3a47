// Seed: /work/shared/seeds/004_7aeb3c6e332b10b2.txt, section "6. Garbage Collection". The
// article shows no output; the object is checked while referenced, then dropped.
function createUser() {
  const user = { name: 'Alice', age: 25 }; // allocated on heap
  return user;
}
let u = createUser(); // 'user' object kept alive (referenced by u)
console.log(u.name, u.age);  // expect: Alice 25
u = null; // no more references → GC can collect it
console.log(u);  // expect: null
