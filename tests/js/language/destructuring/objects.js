// Object destructuring: names, renaming, defaults, computed keys, rest, nesting, primitives.
var { a, b: renamed, c = 'default c', d: { e } = { e: 'nested default' } } = { a: 1, b: 2 };
print(a, renamed, c, e);  // expect: 1 2 default c nested default
var { length, 0: firstChar } = 'hey';
print(length, firstChar);  // expect: 3 h
var key = 'dyn';
var { [key]: dynValue, [key + '2']: dyn2 = 'd2' } = { dyn: 'dynamic' };
print(dynValue, dyn2);  // expect: dynamic d2
var { x, ...others } = { x: 1, y: 2, z: 3 };
print(x, JSON.stringify(others));  // expect: 1 {"y":2,"z":3}
var { toFixed } = 5;
print(typeof toFixed);  // expect: function
// Rest copies own enumerable properties only, not inherited or non-enumerable ones.
var proto = { inherited: true };
var src = Object.create(proto);
src.own = 1;
Object.defineProperty(src, 'hidden', { value: 2, enumerable: false });
var { ...copy } = src;
print(JSON.stringify(copy), 'inherited' in copy);  // expect: {"own":1} false
// Defaults apply only to undefined.
var { u = 'used', n = 'unused', f = 'unused' } = { u: undefined, n: null, f: false };
print(u, n, f);  // expect: used null false
// Nested with defaults at several levels.
var { deep: { deeper: { value = 'deep default' } = {} } = {} } = {};
print(value);  // expect: deep default
var { deep: { deeper: { value: v2 = 'x' } = {} } = {} } = { deep: { deeper: { value: 'present' } } };
print(v2);  // expect: present
// Getters run once per destructured property, in pattern order.
var log = [];
var watched = { get p() { log.push('p'); return 1; }, get q() { log.push('q'); return 2; } };
var { q, p } = watched;
print(p, q, log.join());  // expect: 1 2 q,p
// Assignment form needs parentheses.
var m, nn;
({ m, n: nn = 'nd' } = { m: 'M' });
print(m, nn);  // expect: M nd
// null and undefined cannot be destructured.
try { var { any } = null; } catch (err) { print(err.name); }  // expect: TypeError
try { var { any2 } = undefined; } catch (err) { print(err.name); }  // expect: TypeError
var {} = 5;
print('empty pattern on a number is fine');  // expect: empty pattern on a number is fine
// Computed keys are evaluated before the value is read.
var order = [];
var { [(order.push('key'), 'k')]: kv = (order.push('default'), 'dv') } = {};
print(kv, order.join());  // expect: dv key,default
