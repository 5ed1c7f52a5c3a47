// ** is right-associative, binds tighter than * and needs parentheses around a unary base.
print(2 ** 10, 2 ** -1, 2 ** -2, 10 ** 3, 0 ** 0);  // expect: 1024 0.5 0.25 1000 1
print(2 ** 3 ** 2, (2 ** 3) ** 2, 2 * 3 ** 2, (-2) ** 2, (-2) ** 3, -(2 ** 2));
// expect: 512 64 18 4 -8 -4
print(NaN ** 0, 1 ** Infinity, 1 ** NaN, 2 ** Infinity, 0.5 ** Infinity, 2 ** -Infinity);
// expect: 1 NaN NaN Infinity 0 0
print(0 ** -1, (-0) ** -1, (-0) ** -2, (-8) ** (1 / 3), Infinity ** -1, (-Infinity) ** 3);
// expect: Infinity -Infinity Infinity NaN 0 -Infinity
print('2' ** '3', [2] ** 2, null ** 0, undefined ** 0, true ** 5);  // expect: 8 4 1 1 1
print(2 ** 31, 2 ** 32, 2 ** 53, 2 ** 64, 2 ** 1024, 2 ** -1074, 2 ** -1075);
// expect: 2147483648 4294967296 9007199254740992 18446744073709552000 Infinity 5e-324 0
var b = 3;
b **= 2; print(b);  // expect: 9
b **= 0.5; print(b);  // expect: 3
print(Math.pow(2, 10) === 2 ** 10, Math.pow(-2, 0.5));  // expect: true NaN
print(4 ** 0.5, 27 ** (1 / 3) > 2.99, 16 ** 0.25);  // expect: 2 true 2
