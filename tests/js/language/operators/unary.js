// Unary + and - apply ToNumber; ! applies ToBoolean.
print(+'', +' ', +'42', +' 12 ', +'\n\t7\n', +'1e3', +'-1.5e-2', +'.5', +'5.');
// expect: 0 0 42 12 7 1000 -0.015 0.5 5
print(+'0x1F', +'0b101', +'0o17', +'-0x10', +'0x', +'1_000', +'12px', +'Infinity', +'-Infinity');
// expect: 31 5 15 NaN NaN NaN NaN Infinity -Infinity
print(+'infinity', +'1e1000', +'--1', +'+1', +'++1');  // expect: NaN Infinity NaN 1 NaN
print(+[], +[5], +['7'], +[1, 2], +{}, +null, +undefined, +true, +false);
// expect: 0 5 7 NaN NaN 0 NaN 1 0
print(+function () {}, +[[]], +[[1]]);  // expect: NaN 0 1
print(-'3', -'-3', -'', -[2], -'x', - -'4');  // expect: -3 3 0 -2 NaN 4
var v = { valueOf() { return '8'; } };
print(+v, -v, typeof +v);  // expect: 8 -8 number
var str = { toString() { return '0x10'; } };
print(+str);  // expect: 16
// Whitespace accepted by ToNumber includes NBSP, BOM and the line separators.
print(+'\u00a012\u00a0', +'\ufeff3', +'\u20284\u2029', +'\u30005');  // expect: 12 3 4 5
print(!"", !" ", !!"0");  // expect: true false true
