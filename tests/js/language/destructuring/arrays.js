// Array destructuring: positions, holes, defaults, rest, nesting, any iterable.
var [a, b, c] = [1, 2, 3];
print(a, b, c);  // expect: 1 2 3
var [, second, , fourth] = [1, 2, 3, 4, 5];
print(second, fourth);  // expect: 2 4
var [x = 'dx', y = 'dy', z = 'dz'] = [undefined, null, 0];
print(x, y, z);  // expect: dx null 0
var [first, ...rest] = 'hello';
print(first, rest.join(''), Array.isArray(rest));  // expect: h ello true
var [[n1, n2], [n3, [n4]]] = [[1, 2], [3, [4]]];
print(n1 + n2 + n3 + n4);  // expect: 10
var [only] = [];
print(only);  // expect: undefined
var [r1, ...emptyRest] = [1];
print(r1, emptyRest.length);  // expect: 1 0
// Defaults are evaluated lazily, left to right, and can refer to earlier targets.
var calls = 0;
function dflt(v) { calls++; return v; }
var [d1 = dflt(1), d2 = dflt(d1 + 1), d3 = dflt(99)] = [undefined, undefined, 'given'];
print(d1, d2, d3, calls);  // expect: 1 2 given 2
// Iterables: Set, Map, strings, custom iterators.
var [s1, s2] = new Set(['a', 'b', 'c']);
var [[k, v]] = new Map([['key', 'value']]);
var [ch1, ch2] = '\u{1F600}x';
print(s1, s2, k, v, ch1.length, ch2);  // expect: a b key value 2 x
// Swapping and rotating with destructuring assignment.
var p = 1, q = 2, r = 3;
[p, q] = [q, p];
print(p, q);  // expect: 2 1
[p, q, r] = [q, r, p];
print(p, q, r);  // expect: 1 3 2
// Assignment targets can be properties and elements.
var obj = {}, arr = [];
[obj.a, obj['b'], arr[0], arr[1] = 'default'] = ['A', 'B', 'zero'];
print(JSON.stringify(obj), JSON.stringify(arr));  // expect: {"a":"A","b":"B"} ["zero","default"]
// Destructuring a non-iterable is a TypeError.
try { var [bad] = {}; } catch (e) { print(e.name); }  // expect: TypeError
try { var [bad2] = null; } catch (e) { print(e.name); }  // expect: TypeError
try { var [bad3] = 5; } catch (e) { print(e.name); }  // expect: TypeError
// The value of a destructuring assignment expression is the right-hand side.
var rhs = [7, 8];
var result = ([a, b] = rhs);
print(result === rhs, a, b);  // expect: true 7 8
