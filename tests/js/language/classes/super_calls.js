// super(...) in derived constructors: required before `this`, only once, with arguments passed
// through; the derived constructor's result is the object made by the base.
class Base {
  constructor(...args) { this.args = args.join(','); this.baseRan = true; }
}
class Derived extends Base {
  constructor(a, b) {
    super(a, b, 'extra');
    this.derivedRan = true;
  }
}
var d = new Derived(1, 2);
print(d.args, d.baseRan, d.derivedRan, Object.keys(d).join());
// expect: 1,2,extra true true args,baseRan,derivedRan
// this before super is a ReferenceError.
class Early extends Base {
  constructor() {
    try { this.x = 1; } catch (e) { print('before super:', e.name); }
    // expect: before super: ReferenceError
    super();
    this.x = 2;
  }
}
print(new Early().x);  // expect: 2
// Calling super twice is a ReferenceError (this already initialized).
class Twice extends Base {
  constructor() { super(); try { super(); } catch (e) { print('second super:', e.name); } }
  // expect: second super: ReferenceError
}
new Twice();
// Not calling super at all is a ReferenceError when the constructor returns.
class NoSuper extends Base { constructor() {} }
try { new NoSuper(); } catch (e) { print('no super:', e.name); }
// expect: no super: ReferenceError
// super() in an arrow function inside the constructor.
class ViaArrow extends Base {
  constructor() {
    var callSuper = () => super('from arrow');
    callSuper();
    this.ok = this.args;
  }
}
print(new ViaArrow().ok);  // expect: from arrow
// super() evaluates its arguments before calling the base.
var log = [];
class Logged extends Base {
  constructor() { super(log.push('arg'), log.push('arg2')); log.push('after'); }
}
new Logged();
print(log.join());  // expect: arg,arg2,after
// Deep hierarchy: each level runs in order.
var steps = [];
class L1 { constructor() { steps.push('L1'); } }
class L2 extends L1 { constructor() { steps.push('L2 before'); super(); steps.push('L2 after'); } }
class L3 extends L2 { constructor() { super(); steps.push('L3'); } }
new L3();
print(steps.join(' > '));  // expect: L2 before > L1 > L2 after > L3
// super() with spread.
class Spread extends Base { constructor(...xs) { super(...xs, ...xs); } }
print(new Spread(1, 2).args);  // expect: 1,2,1,2
