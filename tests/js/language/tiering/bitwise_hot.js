// Bitwise operators in hot code with inputs beyond int32, doubles, NaN and strings.
function band(a, b) { return a & b; }
function bor(a, b) { return a | b; }
function shr(a, b) { return a >>> b; }
function shl(a, b) { return a << b; }
for (var i = 0; i < 5000; i++) { band(i, 255); bor(i, 1); shr(i, 1); shl(i, 2); }
print(band(4294967295, 255), band(-1, 0xffffffff), bor(2 ** 32 + 1, 0), bor(1.9, 0), bor(-1.9, 0), bor(NaN, 0), bor('7', 0));
// expect: 255 -1 1 1 -1 0 7
print(shr(-1, 0), shr(-1, 32), shr(-8, 1), shl(1, 31), shl(1, 32), shl(3, 30), shl(-1, 33));
// expect: 4294967295 4294967295 2147483644 -2147483648 1 -1073741824 -2
var h = 0;
for (var j = 0; j < 10000; j++) h = (h * 31 + j) | 0;
print(h, h >>> 0);  // expect: 1427211144 1427211144
var x = 123456789;
for (var k = 0; k < 1000; k++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; }
print(x, x >>> 0);  // expect: 352297027 352297027
