// Array destructuring assignment evaluates a property target's reference (object and key)
// before stepping the iterator; when that throws, the iterator is closed.
var log = [];
var iterator = {
  next() { log.push("next"); return {done: false, value: 1}; },
  return() { log.push("return"); return {}; },
};
var iterable = { [Symbol.iterator]() { return iterator; } };
function key(k) { log.push("key " + k); return k; }
var o = {};
[o[key("a")], o[key("b")]] = iterable;
print(log.join(", "), o.a, o.b);
// expect: key a, next, key b, next, return 1 1

log = [];
try {
  [{}[(function () { throw new Error("boom"); })()]] = iterable;
} catch (e) {
  log.push(e.message);
}
print(log.join(", "));
// expect: return, boom

log = [];
try {
  [...{}[(function () { throw new Error("rest"); })()]] = iterable;
} catch (e) {
  log.push(e.message);
}
print(log.join(", "));
// expect: return, rest

var d = {};
[d.x = 5, d.y = 6] = [undefined, 7];
print(d.x, d.y);
// expect: 5 7
