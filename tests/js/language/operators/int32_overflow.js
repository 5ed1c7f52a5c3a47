// Small-integer arithmetic overflows into doubles exactly as JS numbers do.
var max = 2147483647, min = -2147483648;
print(max + 1, min - 1, max + max, min + min);
// expect: 2147483648 -2147483649 4294967294 -4294967296
print(max * 2, min * 2, max * max, min * min);
// expect: 4294967294 -4294967296 4611686014132420600 4611686018427388000
print(-min, -(-min), 0 - min);  // expect: 2147483648 -2147483648 2147483648
var i = max;
i++;
print(i, i === 2147483648);  // expect: 2147483648 true
var j = min;
j--;
print(j);  // expect: -2147483649
print((max + 1) | 0, (min - 1) | 0, (max + 1) >>> 0);  // expect: -2147483648 2147483647 2147483648
print(max + 1 - 1 === max, (max + 1) % 2);  // expect: true 0
// Loops whose counter crosses 2^31.
var sum = 0;
for (var k = max - 2; k <= max + 2; k++) sum += k;
print(sum);  // expect: 10737418235
var acc = 1;
for (var n = 0; n < 40; n++) acc *= 3;
print(acc);  // expect: 12157665459056929000
var p = 1;
for (var e = 0; e < 35; e++) p = p * 2;
print(p, p / 2 ** 34);  // expect: 34359738368 2
print(0x7fffffff + 0x7fffffff, 0xffffffff, 0xffffffff + 1, -0x80000000);
// expect: 4294967294 4294967295 4294967296 -2147483648
// Integer division results are doubles when inexact.
print(7 / 2, -7 / 2, min / 2, max / -1);  // expect: 3.5 -3.5 -1073741824 -2147483647
print(65535 * 65537, 65536 * 32768, 65536 * -32768);  // expect: 4294967295 2147483648 -2147483648
