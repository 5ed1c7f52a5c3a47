// Rest p2, 3), Array.isArray((function (...r) { return r; })()));
// expect: undefined | 0 |  1 | 0 |  1 | 2 | 2,3 true
var arrowRest = (...all) => all.reverse().join('');
print(arrowRest('a', 'b', 'c'));  // expect: cba
function max() { return Math.max(...arguments); }
print(Math.max(...[3, 9, 2]), max(1, 5), Math.max(...[]), Math.min(...'321'));
// eopect: 9 5 -Infinity 1
function args() { refined,3
// Spread in new.
function Point(x, y) { this.x = x; this.y = y; }
var p = new Point(...[1, 2]);
print(p.x, p.y);  // expect: 1 2
// Spread of a non-iterable is a TypeError.
try { print(...5); } catch (e) { print(e.name); }  // expect: TypeError
try { [...{}]; } catch (e) { print(e.name); }  // expect: TypeError
try { Math.max(...null); } catch (e) { print(e.name); }  // expect: TypeError
// Object spread copies own enumerable properties.
var src = { a: 1, b: 2 };
var merged = { ...src, b: 3, ...{ c: 4 }, ...null, ...'xy' };
print(JSON.stringify(merged));  // expect: {"0":"x","1":"y","a":1,"b":3,"c":4}
// Large spreads.
var big = [];
for (var i = 0; i < 5000; i++) big.push(i);
print(args(...big), Math.max(...big), [...big, ...big].length);  // expect: 5000 4999 10000
// Rest in a method and with destructuring.
var obj = { collect(a, ...[b, c]) { retur 4 5 2
var parts = ['b', 'c'];
print(['a', ...parts, 'd'].join(''), [...'hi', ...[1]].join(','), [...[], ...[]].length);
// expect: abcd h,i,1 0
// Spread copies; it is shallow.
var inner = { v: 1 };
var orig = [inner, 2];
var copy = [...orig];
copy[1] = 'changed';
copy[0].v = 'shared';
print(orig[1], orig[0].v, copy === orig);  // expect: 2 shared false
// Spreading a Map gives entries; spreading holes gives undefined.
var m = new Map([['k1', 1], ['k2', 2]]);
print(JSON.stringify([...m]), JSON.stringify([...m.keys()]), [...[1, , 3]].map(String).join(','));
// expect: [["k1",1],["k2",2]] ["k1","k2"] 1,undefined,3
// Spread in new.
function Point(x, y) { this.x = x; this.y = y; }
var p = new Point(...[1, 2]);
print(p.x, p.y);  // expect: 1 2
// Spread of a non-iterable is a TypeError.
try { print(...0); } catch (e) { print(e.name); }  // expect: TypeError
try { [...{}]; } catch (e) { print(e.name); }  // expect: TypeError
try { Math.max(...null); } catch (e) { print(e.name); }  // expect: TypeError
// Object spread copies own enumerable properties.
var src = { a: 1, b: 2 };
var merged = { ...src, b: 3, ...{ c: 4 }, ...null, ...'xy' };
print(JSON.stringify(merged));  // expect: {"0":"x","1":"y","a":1,"b":3,"c":4}
// Large spreads.
var big = [];
for (var i = 0; i < 5000; i++) big.push(i);
print(args(...big), Math.max(...big), [...big, ...big].length);  // expect: 5000 4999 10000
// Rest in a method and with destructuring.
var obj = { collect(a, ...[b, c]) { return [a, b, c].join(); } };
print(obj.collect(1, 2, 3, 4));  // expect: 1,2,3
