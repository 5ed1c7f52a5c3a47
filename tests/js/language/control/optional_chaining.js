// ?. short-circuits the whole chain on null/undefined; ?.() and ?.[] too.
var o = { a: { b: { c: 'deep' } }, f() { return 'called ' + this.a.b.c; }, arr: [1, 2], n: null, zero: 0, empty: '' };
print(o?.a?.b?.c, o.x?.y.z.w, o.n?.anything, o.zero?.toFixed(1), o.empty?.length);
// expect: deep undefined undefined 0.0 0
print(o.f?.(), o.g?.(), o.arr?.[1], o.missing?.[0], o.a?.['b']?.c);
// expect: called deep undefined 2 undefined deep
var u;
print(u?.x, u?.[0], u?.(), typeof u?.x.y.z);  // expect: undefined undefined undefined undefined
// Short-circuiting stops side effects in the rest of the chain.
var count = 0;
var nul = null;
nul?.[count++];
nul?.f(count++);
print(count);  // expect: 0
// The receiver is kept for method calls through ?.
print(o.a?.b && o?.f(), o?.['f']());  // expect: called deep called deep
// Non-function with ?.() still throws if it is not null/undefined.
try { o.zero?.(); } catch (e) { print(e.name); }  // expect: TypeError
// Optional chaining on function calls that return null.
function maybe(x) { return x ? { value: x } : null; }
print(maybe(1)?.value, maybe(0)?.value);  // expect: 1 undefined
// Parenthesized chains break short-circuiting.
try { (nul?.a).b; } catch (e) { print(e.name); }  // expect: TypeError
// With nullish coalescing.
print(o.x?.y ?? 'fallback', o.a?.b?.c ?? 'unused');  // expect: fallback deep
// delete with optional chaining.
var d = { p: { q: 1 } };
print(delete d?.p?.q, JSON.stringify(d), delete nul?.x);  // expect: true {"p":{}} true
// Optional call of a method that uses this.
var counter = { n: 0, inc() { return ++this.n; } };
counter.inc?.();
counter?.inc();
print(counter.n);  // expect: 2
// ?. with a number literal decimal: a?.5:b is a conditional, not a chain.
var t = true;
print(t?.5:1, false?.5:1);  // expect: 0.5 1
