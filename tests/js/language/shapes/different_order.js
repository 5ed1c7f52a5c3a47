// Hidden classes from the articles: property order differs, behaviour does not.
function Animal(a, b) { this.legs = a; this.eyes = b; }
var obj1 = new Animal(1, 2);
obj1.a = 30;
obj1.b = 100;
var obj2 = new Animal(3, 4);
obj2.b = 100;
obj2.a = 30;
function describe(o) { return [o.legs, o.eyes, o.a, o.b, Object.keys(o).join('')].join(' '); }
print(describe(obj1));  // expect: 1 2 30 100 legseyesab
print(describe(obj2));  // expect: 3 4 30 100 legseyesba
print(JSON.stringify(obj1), JSON.stringify(obj2));
// expect: {"legs":1,"eyes":2,"a":30,"b":100} {"legs":3,"eyes":4,"b":100,"a":30}
// Polymorphic reads: one function reading the same names from objects of many shapes.
var shapes = [
  { x: 1, y: 2 },
  { y: 2, x: 1 },
  { x: 1, y: 2, z: 3 },
  { z: 3, y: 2, x: 1 },
  { a: 0, x: 1, y: 2 },
  { a: 0, b: 0, x: 1, y: 2 },
  Object.assign(Object.create({ x: 1 }), { y: 2 }),
  Object.assign(Object.create({ y: 2 }), { x: 1 }),
];
function sumXY(o) { return o.x + o.y; }
var results = [];
for (var round = 0; round < 50; round++) {
  for (var i = 0; i < shapes.length; i++) results[i] = (results[i] || 0) + sumXY(shapes[i]);
}
print(results.join());  // expect: 150,150,150,150,150,150,150,150
// Megamorphic writes.
function bump(o) { o.x = o.x + 1; }
for (var r = 0; r < 10; r++) shapes.forEach(bump);
print(shapes.map(function (s) { return s.x; }).join(), shapes[6].hasOwnProperty('x'), Object.getPrototypeOf(shapes[6]).x);
// expect: 11,11,11,11,11,11,11,11 true 1
// Objects built in a loop with conditional property order.
var built = [];
for (var n = 0; n < 20; n++) {
  var o = {};
  if (n % 2) { o.p = n; o.q = -n; } else { o.q = -n; o.p = n; }
  built.push(o);
}
print(built.reduce(function (acc, o) { return acc + o.p - o.q; }, 0), Object.keys(built[0]).join(), Object.keys(built[1]).join());
// expect: 380 q,p p,q
