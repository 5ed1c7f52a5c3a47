// Objects with very many properties (beyond inline slots, possibly in dictionary mode).
var big = {};
for (var i = 0; i < 2000; i++) big['p' + i] = i;
var sum = 0;
for (var k in big) sum += big[k];
print(Object.keys(big).length, sum, big.p0, big.p999, big.p1999, big.p2000);
// expect: 2000 1999000 0 999 1999 undefined
for (var j = 0; j < 2000; j += 2) delete big['p' + j];
print(Object.keys(big).length, big.p0, big.p1, Object.keys(big).slice(0, 3).join());
// expect: 1000 undefined 1 p1,p3,p5
big.p0 = 'readded';
print(Object.keys(big).pop(), big.p0);  // expect: p0 readded
// Constructor adding many properties.
function Wide() { for (var i = 0; i < 64; i++) this['f' + i] = i * i; }
var w1 = new Wide(), w2 = new Wide();
w2.f63 = 'changed';
print(w1.f63, w2.f63, w1.f10 + w2.f10, Object.keys(w1).length);  // expect: 3969 changed 200 64
// Integer-like keys on plain objects.
var numeric = {};
for (var n = 999; n >= 0; n--) numeric[n * 3] = n;
var nk = Object.keys(numeric);
print(nk.length, nk[0], nk[1], nk[999], numeric[2997]);  // expect: 1000 0 3 2997 999
// Mixed string and integer keys in one object.
var mixed = {};
for (var m = 0; m < 100; m++) { mixed['s' + m] = m; mixed[m] = 's' + m; }
print(Object.keys(mixed).length, Object.keys(mixed)[99], Object.keys(mixed)[100], mixed[42], mixed.s42);
// expect: 200 99 s0 s42 42
// Access by computed names in a loop.
var acc = 0;
for (var r = 0; r < 10; r++) for (var q = 0; q < 100; q++) acc += mixed['s' + q];
print(acc);  // expect: 49500
