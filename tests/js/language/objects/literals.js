// Object literals: plain, shorthand, methods, computed keys, numeric and string keys,
// duplicate keys (last wins, position of the first).
var a = 1, b = 'two';
var o = { a, b, c: 3, 'd-e': 4, 5: 'five', 0.5: 'half', [a + 1]: 'computed', ['k' + b]: 'ktwo' };
print(JSON.stringify(o));
// expect: {"2":"computed","5":"five","a":1,"b":"two","c":3,"d-e":4,"0.5":"half","ktwo":"ktwo"}
print(o[5], o['5'], o[0.5], o['0.5'], o[2], o.ktwo, o['d-e']);
// expect: five five half half computed ktwo 4
var dup = { x: 1, y: 2, x: 3 };
print(JSON.stringify(dup), Object.keys(dup).join());  // expect: {"x":3,"y":2} x,y
var withMethods = {
  v: 10,
  plain: function () { return this.v; },
  short() { return this.v + 1; },
  arrow: () => 'arrow',
  nested: { deeper: { deepest: 'bottom' } },
};
print(withMethods.plain(), withMethods.short(), withMethods.arrow(), withMethods.nested.deeper.deepest);
// expect: 10 11 arrow bottom
// Keywords and reserved words as property names.
var kw = { if: 1, class: 2, new: 3, function: 4, typeof: 5, null: 6, true: 7, let: 8, await: 9, yield: 10 };
print(kw.if + kw.class + kw.new + kw.function + kw.typeof + kw.null + kw.true + kw.let + kw.await + kw.yield);
// expect: 55
// Empty, nested and trailing comma.
var empty = {};
var trailing = { x: 1, };
print(Object.keys(empty).length, Object.keys(trailing).length, typeof {}.toString);
// expect: 0 1 function
// Each evaluation creates a new object.
function make() { return { n: 0 }; }
print(make() === make(), make().n);  // expect: false 0
// Computed keys use ToPropertyKey, including objects with toString and symbols.
var keyObj = { toString() { return 'fromToString'; } };
var sym = Symbol.iterator;
var comp = { [keyObj]: 1, [sym]: 'symbol-keyed', [1 + 1]: 'two', [null]: 'null', [undefined]: 'undef' };
print(Object.keys(comp).join(), comp[sym], comp.null, comp.undefined);
// expect: 2,fromToString,null,undefined symbol-keyed null undef
// Property values referencing earlier ones through variables, not through the object.
var base = 2;
var calc = { base: 10, doubled: base * 2 };
print(calc.doubled);  // expect: 4
// __proto__-free prototype check: literals inherit from Object.prototype.
print(Object.getPrototypeOf({}) === Object.prototype, {}.constructor === Object);
// expect: true true
// Large literal.
var big = { p0: 0, p1: 1, p2: 2, p3: 3, p4: 4, p5: 5, p6: 6, p7: 7, p8: 8, p9: 9, p10: 10, p11: 11, p12: 12, p13: 13, p14: 14, p15: 15, p16: 16, p17: 17, p18: 18, p19: 19 };
var sum = 0;
for (var k in big) sum += big[k];
print(sum, Object.keys(big).length, Object.keys(big)[19]);  // expect: 190 20 p19
