// < > <= >= on numbers, strings (code-unit order), and mixed operands (numeric comparison).
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 2 > 1);  // expect: true false true false true
print('a' < 'b', 'B' < 'a', 'abc' < 'abd', 'ab' < 'abc', '' < 'a');
// expect: true true true true true
print('10' < '9', '10' < 9, 10 < '9', '2' > '12', 2 > '12');  // expect: true false false true false
print('Z' < 'a', 'a' < 'aa', 'aa' > 'a');  // expect: true true true
// UTF-16 code-unit order: a surrogate (0xD83D) sorts below U+FFFD.
print('\uD83D\uDE00' < '\uFFFD', '\u00e9' > 'z');  // expect: true true
print(NaN < 1, NaN > 1, NaN <= NaN, NaN >= NaN, 1 < NaN);  // expect: false false false false false
print('abc' < 1, 'abc' > 1, 'abc' <= 1);  // expect: false false false
print(null < 1, null >= 0, null > 0, null <= 0, null == 0);  // expect: true true false true false
print(undefined < 1, undefined > 0, undefined >= undefined);  // expect: false false false
print(true > false, true >= 1, false < 1, true < 2);  // expect: true true true true
print([2] > 1, [1, 2] < 3, [10] < [9], [10] < 9);  // expect: true false true false
print(-0 < 0, -0 <= 0, 0 >= -0);  // expect: false true true
print(Infinity > 1e308, -Infinity < -1e308, Infinity >= Infinity);  // expect: true true true
var o = { valueOf() { return 7; } };
print(o > 6, o < 8, o >= 7, o <= '7');  // expect: true true true true
// Both operands are converted before comparing, left first, even for >.
var log = [];
var l = { valueOf() { log.push('left'); return 1; } };
var r = { valueOf() { log.push('right'); return 2; } };
print(l > r, log.join(','));  // expect: false left,right
log = [];
print(l <= r, log.join(','));  // expect: true left,right
print('100' > '2', 100 > '2', '100' > 2);  // expect: false true true
