// JSON.stringify: values, escaping, skipped members, toJSON, boxed primitives, property order.
print(JSON.stringify(1), JSON.stringify('s'), JSON.stringify(true), JSON.stringify(null), JSON.stringify(undefined), JSON.stringify(function () {}));
// expect: 1 "s" true null undefined undefined
print(JSON.stringify(NaN), JSON.stringify(-Infinity), JSON.stringify(-0), JSON.stringify(1e21), JSON.stringify(5e-324), JSON.stringify(0.1));
// expect: null null 0 1e+21 5e-324 0.1
print(JSON.stringify({ a: undefined, b: function () {}, c: Symbol.iterator, d: null, e: NaN }), JSON.stringify([undefined, function () {}, Symbol.iterator, NaN]));
// expect: {"d":null,"e":null} [null,null,null,null]
print(JSON.stringify({ [Symbol.iterator]: 1, k: 'v' }), JSON.stringify([]), JSON.stringify({}), JSON.stringify([[]]), JSON.stringify([{}]));
// expect: {"k":"v"} [] {} [[]] [{}]
print(JSON.stringify('quote " backslash \\ slash / newline \n tab \t cr \r bs \b ff \f nul \0 unit \u001f'), JSON.stringify('del \u007f').length);
// expect: "quote \" backslash \\ slash / newline \n tab \t cr \r bs \b ff \f nul \u0000 unit \u001f" 7
print(JSON.stringify('\u2028\u2029').length, JSON.stringify('\ud800'), JSON.stringify('\udc00\ud800'), JSON.stringify('\ud83d\ude00'), JSON.stringify('é'));
// expect: 4 "\ud800" "\udc00\ud800" "😀" "é"
print(JSON.stringify(new Number(3)), JSON.stringify(new String('s')), JSON.stringify(new Boolean(false)), JSON.stringify(Object(Symbol.iterator)));
// expect: 3 "s" false {}
print(JSON.stringify({ 2: 'b', 1: 'a', z: 1, y: 2 }), JSON.stringify([1, , 3]));
// expect: {"1":"a","2":"b","z":1,"y":2} [1,null,3]
var arrWithProps = [1, 2];
arrWithProps.extra = 'ignored';
print(JSON.stringify(arrWithProps));  // expect: [1,2]
// toJSON is called with the key.
var withToJSON = { toJSON: function (key) { return 'toJSON(' + key + ')'; } };
print(JSON.stringify(withToJSON), JSON.stringify({ k: withToJSON }), JSON.stringify([withToJSON]));
// expect: "toJSON()" {"k":"toJSON(k)"} ["toJSON(0)"]
print(JSON.stringify({ nested: { toJSON() { return { replaced: true }; } } }), JSON.stringify({ t: { toJSON() { return undefined; } } }));
// expect: {"nested":{"replaced":true}} {}
// Inherited and non-enumerable properties are skipped; getters are called.
var proto = { inherited: 1 };
var o = Object.create(proto);
o.own = 2;
Object.defineProperty(o, 'hidden', { value: 3, enumerable: false });
Object.defineProperty(o, 'computed', { get: function () { return 'got'; }, enumerable: true });
print(JSON.stringify(o));  // expect: {"own":2,"computed":"got"}
// Maps and Sets have no enumerable own properties.
print(JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Set([1])), JSON.stringify(Math));
// expect: {} {} {}
// Deep nesting.
var deep = [];
var cur = deep;
for (var i = 0; i < 100; i++) { var next = []; cur.push(next); cur = next; }
print(JSON.stringify(deep).length);  // expect: 202
// Cycles are TypeErrors, also indirect ones; repeated (non-cyclic) references are fine.
var cyc = { name: 'c' };
cyc.self = cyc;
try { JSON.stringify(cyc); } catch (e) { print(e.name); }  // expect: TypeError
var a = [], b = [a];
a.push(b);
try { JSON.stringify(a); } catch (e) { print(e.name); }  // expect: TypeError
var shared = { v: 1 };
print(JSON.stringify({ x: shared, y: shared, z: [shared, shared] }));
// expect: {"x":{"v":1},"y":{"v":1},"z":[{"v":1},{"v":1}]}
// toJSON that throws.
try { JSON.stringify({ toJSON() { throw new RangeError('nope'); } }); } catch (e) { print(e.name); }
// expect: RangeError
print(JSON.stringify.length, JSON.parse.length);  // expect: 3 2
