// Deep clone and deep equality over nested objects, arrays, Maps, Sets, and cycles.
function clone(v, seen) {
  seen = seen || new Map();
  if (v === null || typeof v !== 'object') return v;
  if (seen.has(v)) return seen.get(v);
  var out;
  if (Array.isArray(v)) { out = []; seen.set(v, out); v.forEach(function (x, i) { out[i] = clone(x, seen); }); return out; }
  if (v instanceof Map) { out = new Map(); seen.set(v, out); v.forEach(function (x, k) { out.set(clone(k, seen), clone(x, seen)); }); return out; }
  if (v instanceof Set) { out = new Set(); seen.set(v, out); v.forEach(function (x) { out.add(clone(x, seen)); }); return out; }
  out = Object.create(Object.getPrototypeOf(v));
  seen.set(v, out);
  Object.keys(v).forEach(function (k) { out[k] = clone(v[k], seen); });
  return out;
}
function equal(a, b, seen) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  seen = seen || [];
  for (var i = 0; i < seen.length; i++) if (seen[i][0] === a && seen[i][1] === b) return true;
  seen.push([a, b]);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map || a instanceof Set) {
    if (a.size !== b.size) return false;
    var ea = [...a], eb = [...b];
    return ea.every(function (x, j) { return equal(x, eb[j], seen); });
  }
  var ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every(function (k) { return equal(a[k], b[k], seen); });
}
var orig = { n: 1, s: 'str', nan: NaN, arr: [1, [2, { deep: true }]], m: new Map([['k', { v: 1 }]]), set: new Set([1, 2]), nil: null };
orig.self = orig;
var copy = clone(orig);
print(equal(orig, copy), copy !== orig, copy.self === copy, copy.arr[1][1] !== orig.arr[1][1], copy.m.get('k').v);
// expect: true true true true 1
copy.arr[1][1].deep = false;
print(equal(orig, copy), orig.arr[1][1].deep);  // expect: false true
print(equal([1, 2], [1, 2]), equal([1, 2], [2, 1]), equal({ a: 1 }, { a: 1, b: undefined }), equal(new Set([1]), new Set([1])), equal(NaN, NaN), equal(0, -0));
// expect: true false false true true true
class P { constructor(x) { this.x = x; } }
print(equal(new P(1), clone(new P(1))), clone(new P(2)) instanceof P, equal(new P(1), { x: 1 }));
// expect: true true false
