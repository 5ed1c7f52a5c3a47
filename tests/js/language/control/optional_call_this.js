// A call through an optional chain keeps the chain's object as `this`, parenthesized too.
var o = {
  v: 1,
  f() { return this === o; },
  inner: { v: 2, g() { return this && this.v; } },
};
print(o?.f(), (o?.f)(), o.f?.(), (o.f)());
// expect: true true true true
print(o.inner?.g(), (o.inner?.g)(), (o?.inner.g)(), (o?.["inner"]).g());
// expect: 2 2 2 2
var none = null;
try {
  (none?.f)();
} catch (e) {
  print(e instanceof TypeError);
}
// expect: true
print(none?.f());
// expect: undefined
