// IEEE-754 double behaviour that a compiler must not "improve": no reassociation, no fused
// multiply-add, no integer shortcuts that lose the fraction.
var a = 0.1, b = 0.2, c = 0.3;
print((a + b) + c, a + (b + c), (a + b) + c === a + (b + c));
// expect: 0.6000000000000001 0.6 false
print(1e16 + 1 - 1e16, 1e16 - 1e16 + 1, (1e16 + 1) - 1e16);  // expect: 0 1 0
var x = 0.1, y = 10, z = -1;
print(x * y + z, 0.1 * 10 - 1);  // expect: 0 0
var big = 2 ** 53;
print(big + 1 === big, big + 2 === big, big - 1 === big);  // expect: true false false
var sum = 0;
for (var i = 0; i < 10; i++) sum += 0.1;
print(sum, sum === 1, Math.abs(sum - 1) < Number.EPSILON);  // expect: 0.9999999999999999 false true
var prod = 1;
for (var j = 0; j < 10; j++) prod *= 1.1;
print(prod);  // expect: 2.5937424601000023
print(3 * (1 / 3), 3 * (1 / 3) === 1, 49 * (1 / 49));  // expect: 1 true 0.9999999999999999
print(1 / 3 + 1 / 3 + 1 / 3, 2 / 3 - 1 / 3);  // expect: 1 0.3333333333333333
print(0.1 * 0.1, 0.7 + 0.1, 0.2 + 0.4, 1.15 * 100, 8.675 * 100);
// expect: 0.010000000000000002 0.7999999999999999 0.6000000000000001 114.99999999999999 867.5000000000001
print(9007199254740991 * 2, 9007199254740991 + 9007199254740991);
// expect: 18014398509481982 18014398509481982
print(5e-324 * 2, 5e-324 + 5e-324, 2.2250738585072014e-308 / 2);
// expect: 1e-323 1e-323 1.1125369292536007e-308
// Halfway cases round to even.
print(2 ** 53 + 1, 2 ** 53 + 3, 1 + Number.EPSILON / 2, 1 + Number.EPSILON);
// expect: 9007199254740992 9007199254740996 1 1.0000000000000002
// Integer-valued doubles beyond int32 keep exact arithmetic up to 2^53.
var n = 4294967296;
print(n * 3 + 7, (n * 3 + 7) % n, Math.floor((n * 3 + 7) / n));  // expect: 12884901895 7 3
print(1e21 % 7, -1e21 % 7, 2 ** 60 % 1000);  // expect: 6 -6 976
