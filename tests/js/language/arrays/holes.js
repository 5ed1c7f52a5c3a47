// Holes: missing elements that read as undefined but are not own properties; how built-ins
// treat them differs (forEach/map skip, join/for-of/spread see undefined).
var a = [1, , 3, , 5];
print(a.length, a[1], 1 in a, a.hasOwnProperty(1), Object.keys(a).join());
// expect: 5 undefined false false 0,2,4
var u = [1, undefined, 3];
print(1 in u, Object.keys(u).join());  // expect: true 0,1,2
var visits = [];
a.forEach(function (x, i) { visits.push(i); });
print(visits.join());  // expect: 0,2,4
print(a.map(function (x) { return x * 2; }).length, 1 in a.map(function (x) { return x; }));
// expect: 5 false
print(a.join('-'), String(a), [...a].length, 1 in [...a]);  // expect: 1--3--5 1,,3,,5 5 true
var forOf = [];
for (var v of a) forOf.push(v);
print(forOf.join('|'));  // expect: 1||3||5
var forIn = [];
for (var k in a) forIn.push(k);
print(forIn.join());  // expect: 0,2,4
print(a.filter(function () { return true; }).length, a.reduce(function (s, x) { return s + x; }, 0));
// expect: 3 9
print(a.indexOf(undefined), a.includes(undefined), a.find(function (x) { return x === undefined; }), a.findIndex(function (x) { return x === undefined; }));
// expect: -1 true undefined 1
print(JSON.stringify(a), a.some(function (x) { return x === undefined; }), a.every(function (x) { return x !== undefined; }));
// expect: [1,null,3,null,5] false true
// Creating holes.
var b = [1, 2, 3];
delete b[1];
print(1 in b, b.length, String(b));  // expect: false 3 1,,3
var c = [];
c[3] = 'd';
print(c.length, 0 in c, String(c));  // expect: 4 false ,,,d
var d = new Array(3);
print(d.length, 0 in d, String(d), d.join('x'));  // expect: 3 false ,, xx
var e = [1, 2];
e.length = 4;
print(e.length, 2 in e, JSON.stringify(e));  // expect: 4 false [1,2,null,null]
// Trailing commas: one trailing comma adds no element, more add holes.
print([1, 2, ].length, [1, 2, , ].length, [, ].length, [, , ].length);  // expect: 2 3 1 2
// sort moves holes to the end; reverse keeps them as holes.
var s = [3, , 1, , 2];
s.sort();
print(s.length, String(s), 3 in s, 4 in s);  // expect: 5 1,2,3,, false false
var r = [1, , 3];
r.reverse();
print(String(r), 1 in r);  // expect: 3,,1 false
// Holes read through the prototype.
Array.prototype[1] = 'from proto';
var h = [0, , 2];
print(h[1], 1 in h, h.hasOwnProperty(1));  // expect: from proto true false
delete Array.prototype[1];
print(h[1]);  // expect: undefined
// fill and Array.from remove holes.
print(JSON.stringify(new Array(3).fill(0)), JSON.stringify(Array.from([, 1])), JSON.stringify(Array.from({ length: 2 })));
// expect: [0,0,0] [null,1] [null,null]
