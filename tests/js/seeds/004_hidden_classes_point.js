// Seed: /work/shared/seeds/004_7aeb3c6e332b10b2.txt, section "Hidden Classes — V8's Shape
// Optimization". Output shown in the article's comments: 5 and 2.
// ✅ Fast — same shape, V8 uses one hidden class for all
class Point {
  constructor(x, y) {
    this.x = x; // always in same order
    this.y = y;
  }
}
const p1 = new Point(1, 2);
const p2 = new Point(3, 4);
const p3 = new Point(5, 6);
// All share the same hidden class → fast property access
// ❌ Slow — different shapes, V8 creates multiple hidden classes
const a = {};
a.x = 1; // hidden class A: { x }
a.y = 2; // hidden class B: { x, y }
const b = {};
b.y = 2; // hidden class C: { y }
b.x = 1; // hidden class D: { y, x } ← different order!
// a and b have DIFFERENT hidden classes even with same properties
// → V8 cannot optimize property access the same way
console.log(p1.x + p2.y); // 1 + 4 = 5 (fast path)
// expect: 5
console.log(a.x + b.x); // 1 + 1 = 2 (slower path)
// expect: 2
console.log(p3.x + p3.y, Object.keys(a).join(), Object.keys(b).join());  // expect: 11 x,y y,x
