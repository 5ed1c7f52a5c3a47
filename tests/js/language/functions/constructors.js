// Constructor functions with new: prototype, constructor property, and return overrides.
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.norm2 = function () { return this.x * this.x + this.y * this.y; };
var p = new Point(3, 4);
print(p.x, p.y, p.norm2(), p.constructor === Point, Object.getPrototypeOf(p) === Point.prototype);
// expect: 3 4 25 true true
print(Object.keys(p).join(), 'norm2' in p, p.hasOwnProperty('norm2'));  // expect: x,y true false
// Returning an object replaces the new object; returning a primitive does not.
function ReturnsObject() { this.ignored = true; return { replaced: true }; }
function ReturnsPrimitive() { this.kept = true; return 42; }
function ReturnsNull() { this.kept = true; return null; }
print(JSON.stringify(new ReturnsObject()), JSON.stringify(new ReturnsPrimitive()), JSON.stringify(new ReturnsNull()));
// expect: {"replaced":true} {"kept":true} {"kept":true}
print(new ReturnsObject() instanceof ReturnsObject);  // expect: false
function ReturnsFunction() { return function inner() {}; }
print(typeof new ReturnsFunction(), new ReturnsFunction().name);  // expect: function inner
// new without parentheses.
var q = new Point;
print(q.x, q.y, q instanceof Point);  // expect: undefined undefined true
// The prototype object is shared; changes are visible to existing instances.
Point.prototype.kind = 'point';
print(p.kind, q.kind);  // expect: point point
p.kind = 'own';
print(p.kind, q.kind, delete p.kind, p.kind);  // expect: own point true point
// Replacing the prototype affects only later instances.
Point.prototype = { kind: 'new proto' };
var r = new Point(1, 1);
print(r.kind, p.kind, typeof r.norm2, r instanceof Point, p instanceof Point);
// expect: new proto point undefined true false
// A non-object prototype property falls back to Object.prototype.
function NoProto() {}
NoProto.prototype = 5;
print(Object.getPrototypeOf(new NoProto()) === Object.prototype);  // expect: true
// Calling a non-constructor with new is a TypeError.
try { new Math.max(); } catch (e) { print(e.name); }  // expect: TypeError
try { new (() => {})(); } catch (e) { print(e.name); }  // expect: TypeError
try { new ({ m() {} }).m(); } catch (e) { print(e.name); }  // expect: TypeError
try { new 5; } catch (e) { print(e.name); }  // expect: TypeError
// Inheritance with Object.create and call.
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return this.name + ' makes a sound'; };
function Dog(name) { Animal.call(this, name); this.tricks = []; }
Dog.prototype = Object.create(Animal.prototype);
Dog.prototype.constructor = Dog;
Dog.prototype.speak = function () { return Animal.prototype.speak.call(this) + ' (woof)'; };
var d = new Dog('Rex');
print(d.speak(), d instanceof Animal, d.constructor.name, Object.keys(d).join());
// expect: Rex makes a sound (woof) true Dog name,tricks
// Many instances of one constructor.
var pts = [];
for (var i = 0; i < 1000; i++) pts.push(new Dog('d' + i));
print(pts[999].speak(), pts.filter(function (x) { return x instanceof Animal; }).length);
// expect: d999 makes a sound (woof) 1000
