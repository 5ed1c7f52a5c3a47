// Public instance and static fields: initialized per instance in declaration order, before the
// constructor body runs (after super() in derived classes), with `this` the instance.
var order = [];
class Fields {
  a = (order.push('a'), 1);
  b = this.a + 1;
  c;
  ['comp' + 'uted'] = 'computed field';
  arrow = () => this.a;
  constructor() {
    order.push('constructor sees b=' + this.b);
    this.d = 'from constructor';
  }
  static s = 'static field';
  static t = Fields.s + ' referenced';
}
var f = new Fields();
print(order.join(', '));  // expect: a, constructor sees b=2
print(f.a, f.b, f.c, f.computed, f.d, Object.keys(f).join());
// expect: 1 2 undefined computed field from constructor a,b,c,computed,arrow,d
var detached = f.arrow;
print(detached(), Fields.s, Fields.t, f.s);
// expect: 1 static field static field referenced undefined
// Fields are own, enumerable, writable data properties.
var d = Object.getOwnPropertyDescriptor(f, 'a');
print(d.writable, d.enumerable, d.configurable);  // expect: true true true
// Each instance gets fresh initializer values.
class Counter { items = []; count = Counter.next++; static next = 0; }
var c1 = new Counter(), c2 = new Counter();
c1.items.push('x');
print(c1.items.length, c2.items.length, c1.count, c2.count, Counter.next);  // expect: 1 0 0 1 2
// Derived class fields are initialized after super() returns.
class Base {
  constructor() { this.seenByBase = this.derivedField; }
}
class Derived extends Base {
  derivedField = 'derived';
  constructor() {
    super();
    this.afterSuper = this.derivedField;
  }
}
var dd = new Derived();
print(dd.seenByBase, dd.afterSuper);  // expect: undefined derived
// Field shadowing an accessor of the base creates an own data property.
class WithAccessor { get v() { return 'getter'; } }
class Shadow extends WithAccessor { v = 'field'; }
print(new Shadow().v, new WithAccessor().v);  // expect: field getter
// Static fields with this and static blocks-free initialization order.
class StaticOrder {
  static first = 1;
  static second = this.first + 1;
  static describe() { return this.first + ',' + this.second; }
}
print(StaticOrder.describe());  // expect: 1,2
