// JSON.parse with a reviver: bottom-up order, `this` is the holder, undefined deletes,
// the root holder has the key "", arrays keep their length, a reviver may mutate the holder.
var order = [];
var r = JSON.parse('{"a":[1,{"b":2}],"c":3}', function (k, v) {
  order.push(JSON.stringify(k) + (Array.isArray(this) ? '@arr' : '@obj'));
  return v;
});
print(order.join(' '));  // expect: "0"@arr "b"@obj "1"@arr "a"@obj "c"@obj ""@obj
print(JSON.stringify(r));  // expect: {"a":[1,{"b":2}],"c":3}
var root = null;
JSON.parse('1', function (k, v) { root = this; return v; });
print(Object.keys(root).join() === '', root[''], Object.getPrototypeOf(root) === Object.prototype);  // expect: true 1 true
var del = JSON.parse('{"keep":1,"drop":2,"arr":[1,2,3]}', function (k, v) { return k === 'drop' || v === 2 ? undefined : v; });
print(JSON.stringify(del), 'drop' in del, del.arr.length, 1 in del.arr);  // expect: {"keep":1,"arr":[1,null,3]} false 3 false
print(JSON.parse('[1,2,3]', function (k, v) { return typeof v === 'number' ? v * 10 : v; }).join());  // expect: 10,20,30
print(JSON.parse('{"x":1}', function (k, v) { return k === '' ? 'replaced root' : v; }));  // expect: replaced root
// Mutating the holder during the walk: properties added later are not visited, the walk
// reads values at visit time.
var seen = [];
var m = JSON.parse('{"a":1,"b":2}', function (k, v) {
  seen.push(k);
  if (k === 'a') { this.b = 'changed'; this.z = 'new'; }
  return v;
});
print(seen.join(), JSON.stringify(m));  // expect: a,b, {"a":1,"b":"changed","z":"new"}
var lens = [];
JSON.parse('[[1,2],[3]]', function (k, v) { if (Array.isArray(v)) lens.push(v.length); return v; });
print(lens.join());  // expect: 2,1,2
print(JSON.parse('"s"', null), JSON.parse('[1]', 5)[0], JSON.parse('{"a":1}', {}).a);  // expect: s 1 1
try { JSON.parse('[1]', function () { throw new EvalError('stop'); }); } catch (e) { print(e.name); }  // expect: EvalError
