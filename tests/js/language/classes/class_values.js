// Classes are values: passed around, created in expressions, extended conditionally, used as
// keys; instances coerce through valueOf/toString methods; accessor and method properties live
// on the prototype while fields and arrow functions are own properties.
function pickBase(flag) { return flag ? class A { who() { return 'A'; } } : class B { who() { return 'B'; } }; }
class FromA extends pickBase(true) {}
class FromB extends pickBase(false) { who() { return 'sub of ' + super.who(); } }
print(new FromA().who(), new FromB().who(), Object.getPrototypeOf(FromA).name);
// expect: A sub of B A
class Money {
  constructor(cents) { this.cents = cents; }
  valueOf() { return this.cents / 100; }
  toString() { return '$' + (this.cents / 100).toFixed(2); }
}
var m = new Money(1250);
print(m + 1, `${m}`, String(m), m > 12, m * 2, [m].join());
// expect: 13.5 $12.50 $12.50 true 25 $12.50
class Props {
  field = 'own';
  arrow = () => this.field;
  method() { return this.field; }
  get accessor() { return 'proto'; }
}
var p = new Props();
print(Object.keys(p).join(), p.hasOwnProperty('method'), p.hasOwnProperty('accessor'), Object.getOwnPropertyNames(Props.prototype).join());
// expect: field,arrow false false constructor,method,accessor
var registry = new Map([[FromA, 'a'], [FromB, 'b']]);
print(registry.get(FromA), registry.get(FromB), registry.has(class {}));  // expect: a b false
var factories = [Money, Props].map(function (C) { return new C(5); });
print(factories[0] instanceof Money, factories[1].method(), typeof factories[1].arrow);
// expect: true own function
var Anon = (() => class { static id = 'anonymous class'; })();
print(Anon.id, Anon.name === '' || typeof Anon.name === 'string');  // expect: anonymous class true
