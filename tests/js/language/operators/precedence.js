// Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 + 4, 10 - 4 - 3, 64 / 8 / 2, 2 ** 3 ** 2);
// expect: 14 20 10 3 4 512
print(1 + 2 + '3' + 4 + 5, 1 < 2 < 3, 3 > 2 > 1, 1 == 1 == 1, 2 == 2 == 2);
// expect: 3345 true false true false
print(5 & 3 | 8, 5 | 3 & 8, 1 << 2 + 1, (1 << 2) + 1, 6 ^ 3 & 5);  // expect: 9 5 8 5 7
print(!1 + 1, typeof 1 + 1, typeof (1 + 1), !(1 + 1));  // expect: 1 number1 number false
print(1 + -+-+1, - -1, +!!'x');  // expect: 2 1 1
var a = 1;
print(a++ + ++a, a, a-- - --a, a);  // expect: 4 3 2 1
print(true ? 1 : 0 + 10, (true ? 1 : 0) + 10);  // expect: 1 11
print(null ?? 1 + 1, (null ?? 1) + 1);  // expect: 2 2
print(3 > 2 && 2 > 1, 1 || 0 && 0, (1 || 0) && 0);  // expect: true 1 0
var x, y;
x = y = 1 + 1;
print(x, y);  // expect: 2 2
print([1, 2, 3].length + 1, 'ab'.length * 2, new Array(3).length);  // expect: 4 4 3
function F() { return { g: function () { return 'g'; } }; }
print(new F().g(), typeof new F);  // expect: g object
print(1 - -1, 1 - - - 1, 10 % 3 * 2, 10 * 3 % 7);  // expect: 2 0 2 2
