// Objects built with the same properties in the same order (one hidden class) behave exactly
// like objects built in other orders; a property-access site sees both kinds.
function Vec(x, y, z) { this.x = x; this.y = y; this.z = z; }
function len2(v) { return v.x * v.x + v.y * v.y + v.z * v.z; }
var a = [];
for (var i = 0; i < 200; i++) a.push(new Vec(i, i + 1, i + 2));
var total = 0;
for (var j = 0; j < a.length; j++) total += len2(a[j]);
print(total);  // expect: 8060500
// Same properties, different order, same results.
var b = { z: 3, y: 2, x: 1 };
var c = {};
c.y = 2; c.x = 1; c.z = 3;
print(len2(new Vec(1, 2, 3)), len2(b), len2(c));  // expect: 14 14 14
print(Object.keys(b).join(), Object.keys(c).join(), Object.keys(new Vec(1, 2, 3)).join());
// expect: z,y,x y,x,z x,y,z
// Writes through a monomorphic site then a different shape.
function setX(o, v) { o.x = v; return o.x; }
var sum = 0;
for (var k = 0; k < 100; k++) sum += setX(a[k], k * 2);
sum += setX(b, 1000) + setX(c, 2000) + setX({}, 3000) + setX(Object.create({ x: 'proto' }), 4000);
print(sum);  // expect: 19900
// A property added to only some instances.
var d1 = new Vec(1, 1, 1), d2 = new Vec(2, 2, 2);
d2.w = 'extra';
function getW(o) { return o.w; }
print(getW(d1), getW(d2), getW(d1), Object.keys(d2).join());
// expect: undefined extra undefined x,y,z,w
