// ToInt32/ToUint32 through bitwise ops, ToString of integers and array-index strings.
var values = [0, 1, -1, 1.5, -1.5, 2147483647, 2147483648, -2147483648, -2147483649,
  4294967295, 4294967296, 4294967297, 1e10, -1e10, 2 ** 53, 1e21, NaN, Infinity];
for (var i = 0; i < values.length; i++) {
  var v = values[i];
  print(v, v | 0, v >>> 0, v >> 0, Math.trunc(v));
  // expect: 0 0 0 0 0
  // expect: 1 1 1 1 1
  // expect: -1 -1 4294967295 -1 -1
  // expect: 1.5 1 1 1 1
  // expect: -1.5 -1 4294967295 -1 -1
  // expect: 2147483647 2147483647 2147483647 2147483647 2147483647
  // expect: 2147483648 -2147483648 2147483648 -2147483648 2147483648
  // expect: -2147483648 -2147483648 2147483648 -2147483648 -2147483648
  // expect: -2147483649 2147483647 2147483647 2147483647 -2147483649
  // expect: 4294967295 -1 4294967295 -1 4294967295
  // expect: 4294967296 0 0 0 4294967296
  // expect: 4294967297 1 1 1 4294967297
  // expect: 10000000000 1410065408 1410065408 1410065408 10000000000
  // expect: -10000000000 -1410065408 2884901888 -1410065408 -10000000000
  // expect: 9007199254740992 0 0 0 9007199254740992
  // expect: 1e+21 -559939584 3735027712 -559939584 1e+21
  // expect: NaN 0 0 0 NaN
  // expect: Infinity 0 0 0 Infinity
}
// Property keys: numbers are converted to their canonical string.
var o = {};
o[1] = 'a'; o[1.5] = 'b'; o[-0] = 'c'; o[1e21] = 'd'; o[0.1] = 'e'; o[NaN] = 'f'; o[-1] = 'g';
print(Object.keys(o).join(' '));  // expect: 0 1 1.5 1e+21 0.1 NaN -1
print(o['1'], o['0'], o['1e+21'], o['NaN'], o['-1']);  // expect: a c d f g
