// engine-only: node 20 reads `this` too early here (test262 derived-class-return-override-*-arrow)
// A derived constructor's `return;` reads `this` only after finally blocks ran and for-of
// iterators were closed: either may call super() through an arrow.
class Base {}
class SuperInFinally extends Base {
  constructor() {
    var f = () => super();
    try {
      return;
    } finally {
      f();
    }
  }
}
print(new SuperInFinally() instanceof SuperInFinally);
// expect: true

var iter = {
  [Symbol.iterator]() { return this; },
  next() { return {done: false}; },
  return() { this.f(); return {done: true}; },
};
class SuperInReturn extends Base {
  constructor() {
    iter.f = () => super();
    for (var k of iter) {
      return;
    }
  }
}
print(typeof new SuperInReturn());
// expect: object
