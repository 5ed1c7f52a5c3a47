// Static methods, accessors and fields live on the constructor and are inherited by subclasses.
class MathUtil {
  static square(x) { return x * x; }
  static get pi() { return 3.14; }
  static set setting(v) { MathUtil._setting = v; }
  static create() { return new this(); }
  instanceMethod() { return 'instance'; }
}
print(MathUtil.square(4), MathUtil.pi, typeof new MathUtil().square, typeof MathUtil.instanceMethod);
// expect: 16 3.14 undefined undefined
MathUtil.setting = 'configured';
print(MathUtil._setting);  // expect: configured
class Sub extends MathUtil {
  static square(x) { return 'sub ' + super.square(x); }
}
print(Sub.square(3), Sub.pi, Object.getPrototypeOf(Sub) === MathUtil, Sub.create() instanceof Sub);
// expect: sub 9 3.14 true true
// Static methods are non-enumerable; this inside a static method is the class it was called on.
class Who { static name2() { return this.name; } }
class Who2 extends Who {}
print(Object.keys(Who).length, Who.name2(), Who2.name2());  // expect: 0 Who Who2
// Static counters shared through the class.
class Registry {
  static items = [];
  static register(x) { this.items.push(x); return this.items.length; }
}
Registry.register('a');
print(Registry.register('b'), Registry.items.join());  // expect: 2 a,b
// A static method named like a builtin property.
class Named { static length() { return 'static length'; } }
print(typeof Named.length, Named.length());  // expect: function static length
