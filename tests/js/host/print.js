// print (d8): String(x) of each argument, separated by single spaces, then a newline.
print('hello', 'world');  // expect: hello world
print(1, -0, 1.5, 1e21, NaN, -Infinity);  // expect: 1 0 1.5 1e+21 NaN -Infinity
print(true, false, null, undefined);  // expect: true false null undefined
print([1, [2, 3]], [], [null, undefined]);  // expect: 1,2,3  ,
print({}, { toString() { return 'custom'; } });  // expect: [object Object] custom
print(function f() {} === null ? '' : 'functions print their source', typeof print);
// expect: functions print their source function
print('');  // expect:
print();  // expect:
print('a', '', 'b');  // expect: a  b
print(Symbol.iterator);  // expect: Symbol(Symbol.iterator)
print('multi\nline');
// expect: multi
// expect: line
print('  leading and trailing spaces kept  '.length);  // expect: 36
print(print('nested') === undefined);
// expect: nested
// expect: true
var long = 'x'.repeat(10000);
print(long.length);  // expect: 10000
