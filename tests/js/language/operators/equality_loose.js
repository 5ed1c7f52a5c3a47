// The == table (IsLooselyEqual): null/undefined, number/string, boolean coercion, and objects
// through ToPrimitive. Every line prints the result of one comparison.
print(null == undefined, undefined == null);  // expect: true true
print(null == 0, undefined == 0, null == false, undefined == '');
// expect: false false false false
print(null == null, undefined == undefined);  // expect: true true
print(NaN == NaN, NaN != NaN);  // expect: false true
print(0 == -0, 0 == '0', 0 == '', 0 == ' \t\n ', 0 == '-0');  // expect: true true true true true
print('1' == 1, '1.0' == 1, '1e0' == 1, '0x10' == 16, '0b11' == 3, '0o7' == 7);
// expect: true true true true true true
print('abc' == NaN, '' == '0');  // expect: false false
print(true == 1, true == '1', true == 2, false == 0, false == '', false == '0');
// expect: true true false true true true
print(false == null, false == undefined, true == 'true');  // expect: false false false
print([] == 0, [] == '', [0] == 0, [1] == 1, [1, 2] == '1,2', [[1]] == 1);
// expect: true true true true true true
print([] == false, [] == ![], [null] == '', [undefined] == 0);  // expect: true true true true
print({} == '[object Object]', ({}) == ({}));  // expect: true false
var o = { valueOf() { return 42; } };
print(o == 42, o == '42', o == 43);  // expect: true true false
var t = { toString() { return 'hi'; } };
print(t == 'hi', t == 'HI');  // expect: true false
var both = { valueOf() { return 1; }, toString() { return '2'; } };
print(both == 1, both == '2');  // expect: true false
var same = {};
print(same == same, same != same);  // expect: true false
print(Infinity == 'Infinity', -Infinity == '-Infinity', Infinity == '1e1000');
// expect: true true true
print(Symbol.iterator == Symbol.iterator);  // expect: true
print(typeof null == 'object', 'b' + 'c' == 'bc');  // expect: true true
