// Element access sites warmed up on packed int arrays meet doubles, holes, strings, out of
// bounds reads, array-likes and typed-looking objects.
function get(a, i) { return a[i]; }
function set(a, i, v) { a[i] = v; return a; }
var ints = [];
for (var i = 0; i < 100; i++) ints.push(i);
var t = 0;
for (var r = 0; r < 100; r++) for (var j = 0; j < 100; j++) t += get(ints, j);
print(t);  // expect: 495000
print(get(ints, 100), get(ints, -1), get(ints, '5'), get(ints, 1.5), get([1.5, 2.5], 1), get([, 'hole'], 0), get('str', 1), get({ 3: 'obj' }, 3));
// expect: undefined undefined 5 undefined 2.5 undefined t obj
var grow = [];
for (var k = 0; k < 10; k++) set(grow, k, k);
set(grow, 20, 'far');
set(grow, 10, 0.5);
print(grow.length, grow[10], grow[15], grow[20], 15 in grow);  // expect: 21 0.5 undefined far false
var frozen = Object.freeze([1, 2]);
set(frozen, 0, 'x');
set(frozen, 5, 'y');
print(frozen.join(), frozen.length);  // expect: 1,2 2
var neg = set([], -1, 'negative');
print(neg.length, neg[-1], Object.keys(neg).join());  // expect: 0 negative -1
// Out-of-bounds reads in a hot loop.
function sumPast(a) { var s = 0; for (var q = 0; q <= a.length; q++) s += a[q] === undefined ? 1000 : a[q]; return s; }
for (var w = 0; w < 500; w++) sumPast([1, 2, 3]);
print(sumPast([1, 2, 3]), sumPast([]));  // expect: 1006 1000
