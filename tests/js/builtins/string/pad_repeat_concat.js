// padStart, padEnd, repeat, concat.
print('5'.padStart(3, '0'), '5'.padEnd(3, '0'), 'abc'.padStart(6), JSON.stringify('abc'.padEnd(6)), 'abc'.padStart(2), 'abc'.padStart(8, '12'));
// expect: 005 500    abc "abc   " abc 12121abc
print('abc'.padEnd(10, 'xyz'), 'x'.padStart(5, ''), 'x'.padStart(-1, 'y'), 'x'.padEnd(3, undefined) === 'x  ', 'x'.padStart(3, null));
// expect: abcxyzxyzx x x true nux
print('ab'.repeat(3), 'x'.repeat(0) === '', ''.repeat(100) === '', 'a'.repeat(2.9), 'z'.repeat('2'));
// expect: ababab true true aa zz
try { 'a'.repeat(-1); } catch (e) { print(e.name); }  // expect: RangeError
try { 'a'.repeat(Infinity); } catch (e) { print(e.name); }  // expect: RangeError
print(''.repeat(Infinity === 0 ? 1 : 0) === '', 'ab'.repeat(5000).length);  // expect: true 10000
print('a'.concat('b', 'c'), 'a'.concat(1, null, undefined, [2, 3], {}), ''.concat(), String.prototype.concat.call(1, 2));
// expect: abc a1nullundefined2,3[object Object]  12
// Building tables with padding.
var rows = [['apple', 1.5], ['kiwi', 12], ['banana', 0.25]];
rows.forEach(function (r) { print(r[0].padEnd(8, '.') + String(r[1]).padStart(6)); });
// expect: apple...   1.5
// expect: kiwi....    12
// expect: banana..  0.25
print(String.prototype.padStart.length, String.prototype.repeat.length, String.prototype.concat.length);
// expect: 1 1 1
