// Class declarations: constructor, prototype methods (non-enumerable), typeof, strictness.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Point(this.x + o.x, this.y + o.y); }
  toString() { return '(' + this.x + ', ' + this.y + ')'; }
}
var p = new Point(1, 2).add(new Point(10, 20));
print(String(p), p instanceof Point, typeof Point, Object.keys(p).join());
// expect: (11, 22) true function x,y
print(Object.keys(Point.prototype).length, Object.getOwnPropertyNames(Point.prototype).join());
// expect: 0 constructor,add,toString
print(Point.prototype.constructor === Point, Object.getPrototypeOf(p) === Point.prototype);
// expect: true true
// Class bodies are strict.
class StrictCheck { m() { return (function () { return this; })(); } }
print(new StrictCheck().m());  // expect: undefined
// A class without constructor gets a default one.
class Empty {}
print(typeof new Empty(), Empty.length, Empty.name);  // expect: object 0 Empty
// Methods are not constructors.
try { new (Point.prototype.add)(); } catch (e) { print(e.name); }  // expect: TypeError
// Class expressions, anonymous and named.
var Anon = class { who() { return 'anon'; } };
var Named = class Inner { who() { return Inner.name; } };
print(new Anon().who(), new Named().who(), Named.name, typeof Inner);
// expect: anon Inner Inner undefined
// Computed method names and string/number method names.
var methodName = 'dyn' + 'amic';
class Computed {
  [methodName]() { return 'dynamic method'; }
  'quoted name'() { return 'quoted'; }
  42() { return 'forty-two'; }
}
var c = new Computed();
print(c.dynamic(), c['quoted name'](), c[42]());  // expect: dynamic method quoted forty-two
// Instances are independent; methods are shared.
var p1 = new Point(0, 0), p2 = new Point(0, 0);
print(p1.add === p2.add, p1 === p2);  // expect: true false
// The class binding is immutable inside the class.
class SelfRef {
  reassign() { try { SelfRef = null; } catch (e) { return e.name; } }
}
print(new SelfRef().reassign());  // expect: TypeError
// Class declarations are not hoisted like functions (TDZ) and are block scoped.
{
  class BlockOnly {}
  print(typeof BlockOnly);  // expect: function
}
print(typeof BlockOnly);  // expect: undefined
