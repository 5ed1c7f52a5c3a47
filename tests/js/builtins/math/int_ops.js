// clz32, imul, fround: exact 32-bit and float32 semantics.
print(Math.clz32(0), Math.clz32(1), Math.clz32(0x80000000), Math.clz32(-1), Math.clz32(0.5), Math.clz32(2 ** 32), Math.clz32(NaN), Math.clz32('8'));
// expect: 32 31 0 0 32 32 32 28
print(Math.imul(2, 3), Math.imul(-1, 8), Math.imul(0xffffffff, 5), Math.imul(0x7fffffff, 0x7fffffff), Math.imul(65536, 65536), Math.imul(1.9, 2.9), Math.imul('3', 4));
// expect: 6 -8 -5 1 0 2 12
print(Math.fround(5.5), Math.fround(5.05), Math.fround(0.1), Math.fround(2 ** 128), Math.fround(-0) === 0, 1 / Math.fround(-0), Math.fround(NaN));
// expect: 5.5 5.050000190734863 0.10000000149011612 Infinity true -Infinity NaN
print(Math.fround(1.337), Math.fround(16777217), Math.fround(3.4028234663852886e38), Math.fround(1e-46), Math.fround(1.401298464324817e-45));
// expect: 1.3370000123977661 16777216 3.4028234663852886e+38 0 1.401298464324817e-45
print(Math.fround(Math.fround(0.1)) === Math.fround(0.1), Math.fround(0.1) === 0.1, Math.fround('2.5'));
// expect: true false 2.5
// A 32-bit hash computed with imul stays in int32.
var h = 0x811c9dc5 | 0;
var s = 'hello world';
for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); }
print(h, h >>> 0, (h >>> 0).toString(16));  // expect: -712294489 3582672807 d58b3fa7
print(Math.clz32.length, Math.imul.length, Math.fround.length);  // expect: 1 2 1
