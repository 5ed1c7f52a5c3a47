// Arrays whose elements change kind (small ints -> doubles -> anything, packed -> holey) keep
// their values exactly; sites that saw one kind see the others correctly.
var a = [1, 2, 3];
a.push(4.5);
a.push('str');
a.push({ o: 1 });
a.push(undefined, null, -0, NaN);
print(a.length, a[3], a[4], typeof a[5], a[6], a[7], 1 / a[8], a[9]);
// expect: 10 4.5 str object undefined null -Infinity NaN
function sum(arr) { var s = 0; for (var i = 0; i < arr.length; i++) s += arr[i]; return s; }
var ints = [], doubles = [], mixed = [];
for (var i = 0; i < 100; i++) { ints.push(i); doubles.push(i + 0.5); mixed.push(i % 2 ? i : String(i)); }
print(sum(ints), sum(doubles), sum(mixed).length, sum([1, 2, 3]), sum([0.1, 0.2]));
// expect: 4950 5000 191 6 0.30000000000000004
// int array gets a double in the middle, then back to ints.
var k = [1, 2, 3, 4];
k[1] = 2.5;
k[1] = 2;
print(sum(k), k.indexOf(2), k.includes(2.5));  // expect: 10 1 false
// Overflow of int elements.
var big = [2147483647, 1];
big[0] += 1;
big[1] = big[0] * 2;
print(big[0], big[1], big[0] | 0);  // expect: 2147483648 4294967296 -2147483648
// NaN, Infinity and -0 in double arrays.
var d = [1.5, NaN, Infinity, -Infinity, -0];
print(d.indexOf(NaN), d.includes(NaN), d.indexOf(-0), d.indexOf(0), 1 / d[4], String(d));
// expect: -1 true 4 4 -Infinity 1.5,NaN,Infinity,-Infinity,0
// Holey after delete, then filled again.
var h = [1, 2, 3];
delete h[1];
h[1] = 'back';
print(String(h), h.length);  // expect: 1,back,3 3
// Arrays of arrays and of functions.
var nested = [[1, 2], [3, [4, [5]]]];
print(nested[1][1][1][0], nested.flat(Infinity).join(), JSON.stringify(nested));
// expect: 5 1,2,3,4,5 [[1,2],[3,[4,[5]]]]
var fns = [function () { return 'f0'; }, () => 'f1'];
print(fns[0](), fns[1](), fns.map(function (f) { return f(); }).join());  // expect: f0 f1 f0,f1
// Element stores with string and double keys that are indices.
var e = [];
e['0'] = 'zero';
e[1.0] = 'one';
e['2'] = 'two';
print(e.length, e.join());  // expect: 3 zero,one,two
// Very large dense array.
var dense = new Array(100000);
for (var j = 0; j < dense.length; j++) dense[j] = j & 255;
print(sum(dense));  // expect: 12742320
