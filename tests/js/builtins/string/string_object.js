// The String constructor, wrapper objects, String() conversion of all kinds, valueOf, toString,
// String iteration, localeCompare basics and comparison.
print(String(1), String(-0), String(1e21), String(null), String(undefined), String(true), String([1, [2]]), String({}));
// expect: 1 0 1e+21 null undefined true 1,2 [object Object]
print(String(Symbol.iterator), typeof String(5), JSON.stringify(String()), String('x') === 'x');
// expect: Symbol(Symbol.iterator) string "" true
try { '' + Symbol.iterator; } catch (e) { print(e.name); }  // expect: TypeError
var w = new String('abc');
print(typeof w, w.length, w[1], w.valueOf(), w.toString(), w + 'd', JSON.stringify(w), Object.keys(w).join());
// expect: object 3 b abc abc abcd "abc" 0,1,2
print(w instanceof String, w == 'abc', w === 'abc', typeof w.valueOf());
// expect: true true false string
try { String.prototype.toString.call({}); } catch (e) { print(e.name); }  // expect: TypeError
try { String.prototype.valueOf.call(5); } catch (e) { print(e.name); }  // expect: TypeError
print(String.prototype.length, JSON.stringify(String.prototype.valueOf()), typeof String.prototype);
// expect: 0 "" object
var it = 'a\u{1F600}'[Symbol.iterator]();
var first = it.next(), second = it.next(), third = it.next();
print(first.value, second.value.length, third.done, third.value);  // expect: a 2 true undefined
print('a'.localeCompare('b') < 0, 'b'.localeCompare('a') > 0, 'a'.localeCompare('a'));
// expect: true true 0
