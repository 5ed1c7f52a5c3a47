// for-in: enumerable string keys of the object and its prototype chain, own first, each name
// once (shadowed names are not repeated, even if the shadowing property is non-enumerable).
var grand = { g1: 1, shared: 'grand' };
var parent = Object.create(grand);
parent.p1 = 1;
parent.shared = 'parent';
var child = Object.create(parent);
child.c1 = 1;
child.shared = 'child';
var keys = [];
for (var k in child) keys.push(k + '=' + child[k]);
print(keys.join(' '));  // expect: c1=1 shared=child p1=1 g1=1
// A non-enumerable own property hides an enumerable inherited one of the same name.
var hider = Object.create({ hidden: 'inherited', shown: 'inherited' });
Object.defineProperty(hider, 'hidden', { value: 'own', enumerable: false });
var hk = [];
for (var h in hider) hk.push(h);
print(hk.join());  // expect: shown
// Non-enumerable built-in methods are skipped.
var arr = [1, 2];
var ak = [];
for (var a in arr) ak.push(a, typeof a);
print(ak.join());  // expect: 0,string,1,string
// Deleting a property not yet visited means it is not visited.
var del = { a: 1, b: 2, c: 3, d: 4 };
var visited = [];
for (var x in del) {
  visited.push(x);
  if (x === 'a') delete del.c;
}
print(visited.join());  // expect: a,b,d
// Deleting the current property is harmless.
var cur = { a: 1, b: 2, c: 3 };
var v2 = [];
for (var y in cur) { v2.push(y); delete cur[y]; }
print(v2.join(), Object.keys(cur).length);  // expect: a,b,c 0
// Deleting a shadowing own property during iteration: the inherited one is still skipped or
// visited at most once.
var base = { s: 'base' };
var obj = Object.create(base);
obj.s = 'own';
obj.t = 1;
var v3 = [];
for (var z in obj) { v3.push(z); if (z === 's') delete obj.s; }
print(v3.filter(function (q) { return q === 's'; }).length);  // expect: 1
// for-in over primitives and null/undefined.
var sk = [];
for (var i in 'abc') sk.push(i);
print(sk.join());  // expect: 0,1,2
var none = 0;
for (var n in null) none++;
for (var m in undefined) none++;
for (var p in 42) none++;
print(none);  // expect: 0
// for-in with let and with an existing object property as target.
var target = {};
var src = { one: 1, two: 2 };
var last;
for (target.key in src) last = target.key;
print(last, target.key);  // expect: two two
for (let kk in src) { src[kk] *= 10; }
print(src.one, src.two);  // expect: 10 20
// Integer keys come first in ascending order, then strings.
var mixed = { b: 1, 10: 1, a: 1, 2: 1 };
var mk = [];
for (var q in mixed) mk.push(q);
print(mk.join());  // expect: 2,10,b,a
// for-in over an object with a null prototype.
var bare = Object.create(null);
bare.x = 1; bare.y = 2;
var bk = [];
for (var r in bare) bk.push(r);
print(bk.join());  // expect: x,y
