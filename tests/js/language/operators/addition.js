// + adds numbers, concatenates as soon as either primitive operand is a string, and converts
// objects with ToPrimitive (hint "default": valueOf first, except for Date).
print(1 + 2, 1 + '2', '1' + 2, '1' + '2');  // expect: 3 12 12 12
print(1 + 2 + '3', '1' + 2 + 3, 1 + (2 + '3'));  // expect: 33 123 123
print(true + 1, true + true, false + '', true + 'x');  // expect: 2 2 false truex
print(null + 1, undefined + 1, null + null, null + 'x', undefined + 'x');
// expect: 1 NaN 0 nullx undefinedx
print([] + [], [] + {}, [1, 2] + [3], [1] + 1);  // expect:  [object Object] 1,23 11
print({} + 'x', ({}) + 1);  // expect: [object Object]x [object Object]1
print(1.5 + 2.25, 0.1 + 0.2, -1 + 1);  // expect: 3.75 0.30000000000000004 0
print(2147483647 + 1, -2147483648 + -1);  // expect: 2147483648 -2147483649
print(Infinity + -Infinity, Infinity + 1, NaN + 1, NaN + 'x');  // expect: NaN Infinity NaN NaNx
var v = { valueOf() { return 10; }, toString() { return 'str'; } };
print(v + 1, v + '1', `${v}`, String(v));  // expect: 11 101 str str
var onlyToString = { toString() { return '5'; } };
print(onlyToString + 1, onlyToString * 2);  // expect: 51 10
var s = 'a';
s += 1;
s += null;
s += undefined;
s += true;
s += [1, [2, 3]];
print(s);  // expect: a1nullundefinedtrue1,2,3
var n = 0;
n += '1';
print(n, typeof n);  // expect: 01 string
print(typeof (1 + 1), typeof ('1' + 1), typeof ([] + 1));  // expect: number string string
print(-0 + 0, -0 + -0, 1 / (-0 + -0), 1 / (-0 + 0));  // expect: 0 0 -Infinity Infinity
