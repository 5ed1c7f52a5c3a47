// `in`: own and inherited properties, array indices, ToPropertyKey on the left.
var proto = { inherited: 1 };
var o = Object.create(proto);
o.own = undefined;
print('own' in o, 'inherited' in o, 'missing' in o, 'toString' in o);
// expect: true true false true
print('toString' in Object.create(null));  // expect: false
var arr = [10, , 30];
print(0 in arr, 1 in arr, 2 in arr, 3 in arr, '0' in arr, 'length' in arr);
// expect: true false true false true true
print(1.0 in arr, '1.0' in arr, '00' in arr, -0 in arr);  // expect: false false false true
var num = { 1: 'a', 2.5: 'b' };
print(1 in num, '1' in num, 2.5 in num, '2.5' in num);  // expect: true true true true
print(Symbol.iterator in [], Symbol.iterator in {}, Symbol.iterator in new Map());
// expect: true false true
print('length' in function () {}, 'prototype' in (() => 1), 'prototype' in function () {});
// expect: true false true
var key = { toString() { return 'own'; } };
print(key in o);  // expect: true
delete o.own;
print('own' in o);  // expect: false
try { 'x' in 'string'; } catch (e) { print(e.name); }  // expect: TypeError
try { 'x' in null; } catch (e) { print(e.name); }  // expect: TypeError
try { 'x' in 5; } catch (e) { print(e.name); }  // expect: TypeError
print('x' in new String('abc'), '0' in new String('abc'), 'length' in new String('abc'));
// expect: false true true
class C { field = 1; method() {} static s() {} }
var c = new C();
print('field' in c, 'method' in c, 's' in c, 's' in C, 'constructor' in c);
// expect: true true false true true
