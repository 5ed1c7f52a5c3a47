// Object.keys, values, entries, fromEntries, getOwnPropertyNames.
var o = { b: 2, a: 1, 10: 'ten', 2: 'two' };
Object.defineProperty(o, 'hidden', { value: 'h', enumerable: false });
print(Object.keys(o).join(), Object.values(o).join(), JSON.stringify(Object.entries(o)));
// expect: 2,10,b,a two,ten,2,1 [["2","two"],["10","ten"],["b",2],["a",1]]
print(Object.getOwnPropertyNames(o).join());  // expect: 2,10,b,a,hidden
print(Object.keys('str').join(), Object.values('ab').join(), JSON.stringify(Object.entries('ab')), Object.keys(5).length);
// expect: 0,1,2 a,b [["0","a"],["1","b"]] 0
print(Object.keys([4, , 6]).join(), Object.getOwnPropertyNames([4, 5]).join(), Object.getOwnPropertyNames('ab').join());
// expect: 0,2 0,1,length 0,1,length
try { Object.keys(null); } catch (e) { print(e.name); }  // expect: TypeError
try { Object.entries(undefined); } catch (e) { print(e.name); }  // expect: TypeError
// Inherited properties are not included.
var child = Object.create({ inherited: 1 });
child.own = 2;
print(Object.keys(child).join(), Object.values(child).join());  // expect: own 2
// Getters are called by values and entries.
var calls = 0;
var g = { get x() { calls++; return 'gx'; } };
print(Object.values(g).join(), JSON.stringify(Object.entries(g)), calls);
// expect: gx [["x","gx"]] 2
// fromEntries from arrays, Maps and other iterables; later keys win.
print(JSON.stringify(Object.fromEntries([['a', 1], ['b', 2], ['a', 3]])));  // expect: {"a":3,"b":2}
print(JSON.stringify(Object.fromEntries(new Map([['m', true], [1, 'one']]))));
// expect: {"1":"one","m":true}
print(JSON.stringify(Object.fromEntries(Object.entries({ x: 1, y: 2 }).map(function (e) { return [e[0].toUpperCase(), e[1] * 10]; }))));
// expect: {"X":10,"Y":20}
try { Object.fromEntries([1]); } catch (e) { print(e.name); }  // expect: TypeError
try { Object.fromEntries(null); } catch (e) { print(e.name); }  // expect: TypeError
// Functions have their own property names (strict ones, to leave out V8's legacy caller/arguments).
function f(a, b) { 'use strict'; }
print(Object.getOwnPropertyNames(f).sort().join());  // expect: length,name,prototype
print(Object.getOwnPropertyNames(class {}).sort().join());  // expect: length,name,prototype
print(Object.getOwnPropertyNames(() => 1).sort().join());  // expect: length,name
