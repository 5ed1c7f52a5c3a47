// JSON.stringify indent (number clamped to 10, string truncated to 10) and replacers
// (function called with holder as this; array as an allow-list of keys in its order).
var v = { a: 1, b: [1, 2, { c: 3 }], d: {}, e: [] };
print(JSON.stringify(v, null, 2));
// expect: {
// expect:   "a": 1,
// expect:   "b": [
// expect:     1,
// expect:     2,
// expect:     {
// expect:       "c": 3
// expect:     }
// expect:   ],
// expect:   "d": {},
// expect:   "e": []
// expect: }
print(JSON.stringify(v, null, '--'));
// expect: {
// expect: --"a": 1,
// expect: --"b": [
// expect: ----1,
// expect: ----2,
// expect: ----{
// expect: ------"c": 3
// expect: ----}
// expect: --],
// expect: --"d": {},
// expect: --"e": []
// expect: }
print(JSON.stringify([1, [2]], null, 20) === JSON.stringify([1, [2]], null, 10));  // expect: true
print(JSON.stringify({ x: 1 }, null, 'abcdefghijklmnop'));
// expect: {
// expect: abcdefghij"x": 1
// expect: }
print(JSON.stringify({ x: 1 }, null, 0), JSON.stringify({ x: 1 }, null, ''), JSON.stringify({ x: 1 }, null, -5), JSON.stringify([1], null, 1.9));
// expect: {"x":1} {"x":1} {"x":1} [
// expect:  1
// expect: ]
print(JSON.stringify({ x: [] }, null, new Number(1)), JSON.stringify({ x: 1 }, null, new String('\t')) === '{\n\t"x": 1\n}');
// expect: {
// expect:  "x": []
// expect: } true
// Replacer function: sees the root under key "", can drop members by returning undefined.
var calls = [];
var out = JSON.stringify({ keep: 1, drop: 2, nested: { keep: 3 } }, function (k, val) {
  calls.push(JSON.stringify(k));
  if (k === 'drop') return undefined;
  if (typeof val === 'number') return val * 10;
  return val;
});
print(out, calls.join(' '));
// expect: {"keep":10,"nested":{"keep":30}} "" "keep" "drop" "nested" "keep"
var holderCheck = JSON.stringify({ a: 1 }, function (k, val) { return k === 'a' ? typeof this + ':' + ('a' in this) : val; });
print(holderCheck);  // expect: {"a":"object:true"}
print(JSON.stringify([1, 'x', undefined], function (k, val) { return val === undefined ? 'was undefined' : val; }));
// expect: [1,"x","was undefined"]
print(JSON.stringify(5, function (k, val) { return k === '' ? [k, val] : val; }));
// expect: ["",5]
// Replacer array: filters and orders keys; numbers are converted; duplicates ignored.
var obj = { b: 2, a: 1, 10: 'ten', c: { a: 'inner a', z: 'inner z' } };
print(JSON.stringify(obj, ['a', 'c']), JSON.stringify(obj, ['c', 'a', 'a', 10]), JSON.stringify(obj, []));
// expect: {"a":1,"c":{"a":"inner a"}} {"c":{"a":"inner a"},"a":1,"10":"ten"} {}
print(JSON.stringify([{ a: 1, b: 2 }], ['b']), JSON.stringify(obj, [new String('b'), { toString() { return 'a'; } }]));
// expect: [{"b":2}] {"b":2}
print(JSON.stringify(obj, null), JSON.stringify(obj, 'not a replacer') === JSON.stringify(obj));
// expect: {"10":"ten","b":2,"a":1,"c":{"a":"inner a","z":"inner z"}} true
