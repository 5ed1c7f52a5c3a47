// delete changes an object's shape (possibly to dictionary mode); lookups, order and inline
// caches must stay right before and after.
function P(a, b, c) { this.a = a; this.b = b; this.c = c; }
function readAll(o) { return [o.a, o.b, o.c, o.d].join(','); }
var objs = [];
for (var i = 0; i < 50; i++) objs.push(new P(i, i * 2, i * 3));
var before = objs.map(readAll).slice(0, 3).join(' ');
delete objs[1].b;
delete objs[2].a;
objs[2].a = 'A';
objs[3].d = 'D';
delete objs[3].d;
print(before);  // expect: 0,0,0, 1,2,3, 2,4,6,
print(objs.map(readAll).slice(0, 4).join(' '));  // expect: 0,0,0, 1,,3, A,4,6, 3,6,9,
print(Object.keys(objs[1]).join(), Object.keys(objs[2]).join(), Object.keys(objs[3]).join());
// expect: a,c b,c,a a,b,c
// Deleting the last-added property and re-adding it.
var o = { x: 1, y: 2 };
delete o.y;
o.y = 3;
print(JSON.stringify(o));  // expect: {"x":1,"y":3}
delete o.x;
o.x = 4;
print(JSON.stringify(o), o.x + o.y);  // expect: {"y":3,"x":4} 7
// Deleting everything and starting over.
var e = { p: 1, q: 2, r: 3 };
for (var k in e) delete e[k];
print(Object.keys(e).length, e.p);  // expect: 0 undefined
e.q = 'new q';
e.p = 'new p';
print(JSON.stringify(e));  // expect: {"q":"new q","p":"new p"}
// A site that saw the old shape reads the right value after delete.
function getB(o) { return o.b; }
var t = new P(1, 2, 3);
var s = 0;
for (var n = 0; n < 100; n++) s += getB(t);
delete t.b;
print(s, getB(t), 'b' in t);  // expect: 200 undefined false
t.b = 'back';
print(getB(t), Object.keys(t).join());  // expect: back a,c,b
// delete of an inherited name through the child does nothing.
var child = Object.create(t);
print(delete child.a, child.a);  // expect: true 1
