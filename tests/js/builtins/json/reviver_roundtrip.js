// JSON.parse with a reviver (called bottom-up, holder as this, undefined deletes) and
// stringify/parse round trips.
var order = [];
var revived = JSON.parse('{"a":1,"b":{"c":2,"d":[3,4]},"e":"drop"}', function (key, value) {
  order.push(key === '' ? '(root)' : key);
  if (key === 'e') return undefined;
  if (typeof value === 'number') return value * 100;
  return value;
});
print(JSON.stringify(revived), order.join(' '), 'e' in revived);
// expect: {"a":100,"b":{"c":200,"d":[300,400]}} a c 0 1 d b e (root) false
var thisCheck = JSON.parse('{"x":1}', function (k, v) { return k === 'x' ? (this.x === 1) : v; });
print(thisCheck.x);  // expect: true
// A reviver can add dates-as-strings style conversions.
var typed = JSON.parse('{"when":"T:123","n":"42"}', function (k, v) {
  if (typeof v === 'string' && v.startsWith('T:')) return { time: Number(v.slice(2)) };
  return v;
});
print(typed.when.time, typed.n);  // expect: 123 42
// Arrays: undefined from the reviver deletes the element (leaving a hole).
var holes = JSON.parse('[1,2,3]', function (k, v) { return v === 2 ? undefined : v; });
print(holes.length, 1 in holes, JSON.stringify(holes));  // expect: 3 false [1,null,3]
// Round trips.
var values = [0, -1.5, 1e21, 'str', '\u2028', 'emoji \u{1F600}', true, null, [1, [2, [3]]], { a: { b: { c: [] } } }, { '': 'empty key', ' ': 'space' }];
print(values.map(function (v) { return JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v); }).join());
// expect: true,true,true,true,true,true,true,true,true,true,true
var complex = { name: 'test', list: [1, 'two', { three: 3 }], flags: { on: true, off: false }, none: null, num: 3.14159 };
var text = JSON.stringify(complex);
var back = JSON.parse(text);
print(text === JSON.stringify(back), back.list[2].three, back.flags.off, back.none);
// expect: true 3 false null
print(JSON.stringify(JSON.parse(JSON.stringify(complex, null, 4))) === text);  // expect: true
// Reviver that throws.
try { JSON.parse('[1]', function () { throw new EvalError('reviver'); }); } catch (e) { print(e.name); }
// expect: EvalError
