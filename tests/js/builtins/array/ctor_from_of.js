// Array(), Array.isArray, Array.from (iterables, array-likes, mapFn) and Array.of.
function fmt(v) {
  if (typeof v === 'string') return '"' + v + '"';
  if (Array.isArray(v)) return show(v);
  if (Object.is(v, -0)) return '-0';
  return String(v);
}
function show(a) {
  var parts = [];
  for (var i = 0; i < a.length; i++) parts.push(i in a ? fmt(a[i]) : '_');
  return '[' + parts.join(',') + ']';
}
function err(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name; }
}

// The constructor: one number is a length, anything else is an element.
print(show(Array()), show(new Array())); // expect: [] []
print(show(Array(3)), Array(3).length, 0 in Array(3)); // expect: [_,_,_] 3 false
print(show(new Array(2, 3)), show(Array('3')), show(Array(true))); // expect: [2,3] ["3"] [true]
print(err(() => new Array(-1)), err(() => new Array(1.5)), err(() => Array(4294967296))); // expect: RangeError RangeError RangeError
print(new Array(4294967295).length); // expect: 4294967295
print(Object.getPrototypeOf(Array(1)) === Array.prototype); // expect: true
print(Array.length, Array.name, Array.prototype.length, Array.isArray(Array.prototype)); // expect: 1 Array 0 true

// Array.isArray
print(Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray('ab'), Array.isArray()); // expect: true false false false
print((function () { return Array.isArray(arguments); })()); // expect: false

// Array.of
print(show(Array.of()), show(Array.of(7)), show(Array.of(1, 'a', undefined))); // expect: [] [7] [1,"a",undefined]
print(Array.of.length); // expect: 0

// Array.from: iterables
print(show(Array.from([1, , 3]))); // expect: [1,undefined,3]
print(show(Array.from('a\uD83D\uDE00b')), Array.from('a\uD83D\uDE00b').length); // expect: ["a","😀","b"] 3
print(show(Array.from(new Set([1, 2, 2, 3])))); // expect: [1,2,3]
print(show(Array.from([1, 2, 3], function (x, i) { return x * 10 + i + this.k; }, { k: 100 }))); // expect: [110,121,132]
var it = {};
it[Symbol.iterator] = function () {
  var n = 0;
  return { next: function () { n++; return { value: n, done: n > 3 }; } };
};
print(show(Array.from(it))); // expect: [1,2,3]
// Array.from: array-likes
print(show(Array.from({ length: 3, 0: 'x', 2: 'z' }))); // expect: ["x",undefined,"z"]
print(show(Array.from({ length: '2', 0: 1, 1: 2 }, (v) => v * 2))); // expect: [2,4]
print(show(Array.from({})), show(Array.from(5))); // expect: [] []
print(err(() => Array.from(null)), err(() => Array.from([], 'nope'))); // expect: TypeError TypeError
// An iterator is closed when mapFn throws.
var closed = 0;
var it2 = {};
it2[Symbol.iterator] = function () {
  return { next: () => ({ value: 1, done: false }), return: () => { closed++; return {}; } };
};
print(err(() => Array.from(it2, () => { throw new RangeError('x'); })), closed); // expect: RangeError 1
// `this` as a constructor.
function C(n) { this.made = n; }
var c = Array.from.call(C, { length: 2, 0: 'a', 1: 'b' });
print(c instanceof C, c.made, c.length, c[0], c[1]); // expect: true 2 2 a b
var d = Array.of.call(C, 'p', 'q');
print(d instanceof C, d.made, d.length, d[1]); // expect: true 2 2 q
var e = Array.from.call(undefined, [4, 5]);
print(Array.isArray(e), show(e)); // expect: true [4,5]

























