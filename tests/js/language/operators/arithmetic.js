// - * / % and their coercions: operands go through ToNumber.
print(10 - 3, '10' - 3, '10' - '3', 'a' - 1, [5] - 1, null - 1, undefined - 1, true - false);
// expect: 7 7 7 NaN 4 -1 NaN 1
print(6 * 7, '6' * '7', 1.5 * 4, -3 * 0, 3 * -0, 'x' * 2);  // expect: 42 42 6 0 0 NaN
print(7 / 2, 1 / 3, -1 / 3, 10 / '4', 0 / 0, 1 / 0, -1 / 0, 1 / -0);
// expect: 3.5 0.3333333333333333 -0.3333333333333333 2.5 NaN Infinity -Infinity -Infinity
print(7 % 3, -7 % 3, 7 % -3, -7 % -3, 5.5 % 2, -5.5 % 2);  // expect: 1 -1 1 -1 1.5 -1.5
print(1 % 0, 0 % 5, -0 % 5, 1 / (-0 % 5), 1 / (-1 % 1), Infinity % 2, 5 % Infinity, -5 % Infinity);
// expect: NaN 0 0 -Infinity -Infinity NaN 5 -5
print(0.1 * 3, 0.3 - 0.1, 1e308 * 10, -1e308 * 10, 5e-324 / 2);
// expect: 0.30000000000000004 0.19999999999999998 Infinity -Infinity 0
print(2 ** 53 + 1, 2 ** 53 + 2, 9007199254740993);
// expect: 9007199254740992 9007199254740994 9007199254740992
print(Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2);
// expect: 9007199254740992 -9007199254740992
print(100 / 10, 1e21 / 10, 3 * 1.1);  // expect: 10 100000000000000000000 3.3000000000000003
// int32 fast paths must overflow into doubles, never wrap.
print(46341 * 46341, 65536 * 65536, -65536 * 65536, 2147483647 * 2);
// expect: 2147488281 4294967296 -4294967296 4294967294
print(-2147483648 / -1, -2147483648 % -1, 1 / (-2147483648 % -1));
// expect: 2147483648 0 -Infinity
print(1 - 0.9, 4.35 * 100, 1.1 + 2.2);
// expect: 0.09999999999999998 434.99999999999994 3.3000000000000003
var x = 10;
x -= 3; print(x);  // expect: 7
x *= 4; print(x);  // expect: 28
x /= 8; print(x);  // expect: 3.5
x %= 2; print(x);  // expect: 1.5
print(-'5', -'', -'abc', -null, -undefined, -[], -[3], -true);  // expect: -5 0 NaN 0 NaN 0 -3 -1
