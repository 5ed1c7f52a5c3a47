// Seed: /work/shared/seeds/001_c468d63599bb9f39.txt, section "Writing code the compiler can
// actually work with" (hidden classes). The article declares obj2 twice with const, which is a
// SyntaxError in real JS; the second construction is named obj3 here. It shows no output: the
// two orders must give objects that behave the same, with keys in their own insertion order.
function Animal(x, y) { this.x = x; this.y = y; }
// This is fine — both objects get the same hidden class
const obj1 = new Animal(1, 2);
obj1.a = 30;
obj1.b = 100;
const obj2 = new Animal(3, 4);
obj2.a = 30;
obj2.b = 100;
// This causes problems — different hidden class
const obj3 = new Animal(3, 4);
obj3.b = 100; // added b before a
obj3.a = 30;
console.log(obj1.a + obj1.b, obj2.a + obj2.b, obj3.a + obj3.b);  // expect: 130 130 130
console.log(Object.keys(obj2).join(), Object.keys(obj3).join());  // expect: x,y,a,b x,y,b,a
console.log(JSON.stringify(obj2) === JSON.stringify(obj3), obj2.x === obj3.x && obj2.y === obj3.y);
// expect: false true
