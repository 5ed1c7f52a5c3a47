// Object.assign copies own enumerable properties (strings and symbols) with [[Get]]/[[Set]].
var target = { a: 1 };
var r = Object.assign(target, { b: 2 }, null, undefined, { a: 'overwritten', c: 3 });
print(r === target, JSON.stringify(target));  // expect: true {"a":"overwritten","b":2,"c":3}
print(JSON.stringify(Object.assign({}, 'ab', [9])), JSON.stringify(Object.assign({}, 1, true)));
// expect: {"0":9,"1":"b"} {}
var sym = Symbol.iterator;
var withSym = Object.assign({}, { [sym]: 'symbol value' });
print(withSym[sym]);  // expect: symbol value
// Non-enumerable and inherited properties are skipped.
var src = Object.create({ inherited: 1 });
Object.defineProperty(src, 'hidden', { value: 1, enumerable: false });
src.visible = 1;
print(JSON.stringify(Object.assign({}, src)));  // expect: {"visible":1}
// Getters on the source are invoked, setters on the target are invoked.
var log = [];
var getterSrc = { get v() { log.push('get'); return 'val'; } };
var setterTarget = { set v(x) { log.push('set ' + x); } };
Object.assign(setterTarget, getterSrc);
print(log.join(), Object.getOwnPropertyDescriptor(Object.assign({}, getterSrc), 'v').value);
// expect: get,set val val
// Assigning onto a primitive target boxes it; null target throws.
var boxed = Object.assign(1, { x: 1 });
print(typeof boxed, boxed.x);  // expect: object 1
try { Object.assign(null, {}); } catch (e) { print(e.name); }  // expect: TypeError
// A read-only target property makes assign throw partway through.
var ro = Object.defineProperty({}, 'fixed', { value: 0, writable: false });
try { Object.assign(ro, { before: 1, fixed: 1, after: 1 }); } catch (e) { print(e.name, ro.before, ro.after); }
// expect: TypeError 1 undefined
// Shallow copy semantics.
var nested = { inner: { v: 1 } };
var copy = Object.assign({}, nested);
copy.inner.v = 2;
print(nested.inner.v, copy.inner === nested.inner);  // expect: 2 true
// Object spread is like assign onto a fresh object but defines instead of setting.
var definer = { ...{ set x(v) { log.push('setter should not run'); } } };
print(Object.getOwnPropertyDescriptor(definer, 'x').value, log.length);  // expect: undefined 3
