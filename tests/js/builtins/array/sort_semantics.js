// sort: default order is by string code units, undefined last, holes removed to the end;
// comparators; stability; sorting returns the same array.
print([10, 9, 1, 100, 2].sort().join(), [10, 9, 1, 100, 2].sort(function (a, b) { return a - b; }).join());
// expect: 1,10,100,2,9 1,2,9,10,100
print(['b', 'a', 'C', 'B', 'c', 'A'].sort().join(''), ['é', 'e', 'z', 'a'].sort().join(''));
// expect: ABCabc aezé
var u = [3, undefined, 1, , 2];
u.sort();
print(u.length, String(u), 3 in u, 4 in u, u[3]);  // expect: 5 1,2,3,, true false undefined
print([true, false, null, 'null', 'true'].sort().join());  // expect: false,,null,true,true
print([-1, -2, 0, -0, 1].sort(function (a, b) { return a - b; }).map(function (x) { return 1 / x === -Infinity ? '-0' : String(x); }).join());
// expect: -2,-1,0,-0,1
// Stability: equal keys keep their original order.
var people = [];
var names = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10', 'n11'];
for (var i = 0; i < names.length; i++) people.push({ name: names[i], age: i % 3 });
people.sort(function (a, b) { return a.age - b.age; });
print(people.map(function (p) { return p.name; }).join());
// expect: n0,n3,n6,n9,n1,n4,n7,n10,n2,n5,n8,n11
// A big stable sort.
var big = [];
for (var j = 0; j < 2000; j++) big.push({ k: (j * 7919) % 10, i: j });
big.sort(function (a, b) { return a.k - b.k; });
var stable = true;
for (var m = 1; m < big.length; m++) if (big[m - 1].k === big[m].k && big[m - 1].i > big[m].i) stable = false;
print(stable, big[0].k, big[1999].k, big[0].i);  // expect: true 0 9 0
// Comparators returning non-numbers, booleans.
print([3, 1, 2].sort(function (a, b) { return b > a ? 1 : b < a ? -1 : 0; }).join(), [3, 1, 2].sort(function () { return 0; }).join());
// expect: 3,2,1 3,1,2
// Invalid comparator.
try { [2, 1].sort('not a function'); } catch (e) { print(e.name); }  // expect: TypeError
// sort returns the receiver.
var arr = [2, 1];
print(arr.sort() === arr);  // expect: true
// Sorting numbers as strings vs numbers.
print([1, 2, 10, 21, 3].sort().join(), [0.5, -1, 1e21, 1e-7].sort().join());
// expect: 1,10,2,21,3 -1,0.5,1e+21,1e-7
// Sort by multiple keys.
var recs = [{ a: 2, b: 'x' }, { a: 1, b: 'y' }, { a: 2, b: 'a' }, { a: 1, b: 'b' }];
recs.sort(function (p, q) { return p.a - q.a || (p.b < q.b ? -1 : p.b > q.b ? 1 : 0); });
print(recs.map(function (r) { return r.a + r.b; }).join());  // expect: 1b,1y,2a,2x
// Sorting an array-like.
var al = { length: 3, 0: 'c', 1: 'a', 2: 'b' };
Array.prototype.sort.call(al);
print(al[0] + al[1] + al[2]);  // expect: abc
