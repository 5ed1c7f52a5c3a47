// JSON.stringify: replacer function calls (holder, key, order), replacer arrays (numbers,
// wrappers, duplicates), gap from numbers/strings/wrappers, toJSON lookup on the prototype
// chain, wrappers unwrapped through valueOf/toString, cycles through arrays, well-formed output.
var calls = [];
var out = JSON.stringify({ a: 1, b: [2, { c: 3 }] }, function (k, v) {
  calls.push((this === undefined ? 'u' : Array.isArray(this) ? 'arr' : typeof this) + ':' + JSON.stringify(k) + ':' + (typeof v === 'object' ? 'obj' : v));
  return v;
});
print(out);  // expect: {"a":1,"b":[2,{"c":3}]}
print(calls.join(' '));  // expect: object:"":obj object:"a":1 object:"b":obj arr:"0":2 arr:"1":obj object:"c":3
print(JSON.stringify({ a: 1, b: 2 }, function (k, v) { return k === 'a' ? undefined : v; }), JSON.stringify([1, 2], function (k, v) { return k === '0' ? undefined : v; }));
// expect: {"b":2} [null,2]
print(JSON.stringify(5, function (k, v) { return k === '' ? { wrapped: v } : v; }), JSON.stringify('x', function () { return undefined; }));
// expect: {"wrapped":5} undefined
print(JSON.stringify({ 1: 'one', b: 'b', a: 'a', 3: 'three' }, ['a', 1, new String('b'), new Number(3), 'a', {}, true, null]));
// expect: {"a":"a","1":"one","b":"b","3":"three"}
print(JSON.stringify({ a: { a: 1, b: 2 }, b: 3 }, ['a']), JSON.stringify([{ x: 1, y: 2 }], ['y']));
// expect: {"a":{"a":1}} [{"y":2}]
print(JSON.stringify({ a: [1] }, null, 20) === JSON.stringify({ a: [1] }, null, 10), JSON.stringify([1], null, 0), JSON.stringify([1], null, -5), JSON.stringify([1], null, 1.9));
// expect: true [1] [1] [
// expect:  1
// expect: ]
print(JSON.stringify([1], null, new Number(2)), JSON.stringify({ k: 1 }, null, new String('\t')), JSON.stringify([1], null, 'abcdefghijklmnop'));
// expect: [
// expect:   1
// expect: ] {
// expect: 	"k": 1
// expect: } [
// expect: abcdefghij1
// expect: ]
print(JSON.stringify({}, null, 2), JSON.stringify([], null, 2), JSON.stringify({ a: {}, b: [] }, null, 1));
// expect: {} [] {
// expect:  "a": {},
// expect:  "b": []
// expect: }
function Point(x) { this.x = x; }
Point.prototype.toJSON = function (key) { return 'P(' + this.x + ')@' + key; };
print(JSON.stringify([new Point(1), { p: new Point(2) }]));  // expect: ["P(1)@0",{"p":"P(2)@p"}]
var num = new Number(1);
num.valueOf = function () { return 42; };
var str = new String('s');
str.toString = function () { return 'custom'; };
var boo = new Boolean(true);
boo.valueOf = function () { return false; };
print(JSON.stringify([num, str, boo]));  // expect: [42,"custom",true]
print(JSON.stringify({ toJSON: null, a: 1 }), JSON.stringify({ toJSON: 5 }), JSON.stringify(Object.create({ toJSON: function () { return 'inherited'; } })));
// expect: {"toJSON":null,"a":1} {"toJSON":5} "inherited"
var a = [1];
a.push({ back: a });
try { JSON.stringify(a); } catch (e) { print(e.name, e instanceof TypeError); }  // expect: TypeError true
var o = {};
o.self = { toJSON: function () { return o; } };
try { JSON.stringify(o); } catch (e) { print(e.name); }  // expect: TypeError
print(JSON.stringify('\ud834\udd1e'), JSON.stringify('\udd1e\ud834'), JSON.stringify('\ud834x'), JSON.stringify('\u2028\u2029') === '"\u2028\u2029"');
// expect: "𝄞" "\udd1e\ud834" "\ud834x" true
print(JSON.stringify('\u0000\u0001\u001f'), JSON.stringify('\u007f\u00ad') === '"\u007f\u00ad"', JSON.stringify({ '\n': 1, '"': 2 }));
// expect: "\u0000\u0001\u001f" true {"\n":1,"\"":2}
print(JSON.stringify([NaN, Infinity, -0, 1e-7, 123e20, -5e-324]), JSON.stringify({ u: undefined, f: function () {}, s: Symbol() }), JSON.stringify([undefined]));
// expect: [null,null,0,1e-7,1.23e+22,-5e-324] {} [null]
var getterCalls = 0;
var g = { get a() { getterCalls++; return 1; }, b: 2 };
print(JSON.stringify(g), getterCalls);  // expect: {"a":1,"b":2} 1
var arrLike = { length: 2, 0: 'x', 1: 'y' };
print(JSON.stringify(arrLike), JSON.stringify(Object.assign([1, 2], { extra: 3 })));
// expect: {"0":"x","1":"y","length":2} [1,2]
var sparse = [1];
sparse[3] = 4;
print(JSON.stringify(sparse), JSON.stringify(new Array(3)));  // expect: [1,null,null,4] [null,null,null]
var deep = [];
for (var i = 0, cur = deep; i < 1000; i++) { cur.push([]); cur = cur[0]; }
print(JSON.stringify(deep).length);  // expect: 2002
// toJSON appearing on a prototype during the walk is seen by the objects serialized after it.
var sameShape = [{ a: 1 }, { toJSON: function () { Object.prototype.toJSON = function () { return 'P' + this.a; }; return 'first'; } }, { a: 2 }, { a: 3 }];
print(JSON.stringify(sameShape));  // expect: [{"a":1},"first","P2","P3"]
delete Object.prototype.toJSON;
print(JSON.stringify(sameShape.slice(2)));  // expect: [{"a":2},{"a":3}]
// Getters run in order and may change properties that come later (the keys were taken first).
var mut = { a: 1, get b() { delete this.c; this.d = 4; return 2; }, c: 3 };
print(JSON.stringify(mut));  // expect: {"a":1,"b":2}
