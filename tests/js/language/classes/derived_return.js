// A constructor may return an object to replace `this`; derived constructors may return an
// object or undefined, anything else is a TypeError.
class ReturnsObject {
  constructor() { this.lost = true; return { replaced: true }; }
}
var r = new ReturnsObject();
print(JSON.stringify(r), r instanceof ReturnsObject);  // expect: {"replaced":true} false
class ReturnsPrimitive { constructor() { this.kept = true; return 5; } }
print(JSON.stringify(new ReturnsPrimitive()));  // expect: {"kept":true}
class Base { constructor() { this.base = true; } }
class DerivedObject extends Base {
  constructor() { super(); return { other: true }; }
}
print(JSON.stringify(new DerivedObject()));  // expect: {"other":true}
class DerivedNoSuperButObject extends Base {
  constructor() { return { noSuper: true }; }
}
print(JSON.stringify(new DerivedNoSuperButObject()));  // expect: {"noSuper":true}
class DerivedUndefined extends Base {
  constructor() { super(); return undefined; }
}
print(JSON.stringify(new DerivedUndefined()));  // expect: {"base":true}
class DerivedPrimitive extends Base {
  constructor() { super(); return 1; }
}
try { new DerivedPrimitive(); } catch (e) { print(e.name); }  // expect: TypeError
class DerivedNull extends Base {
  constructor() { super(); return null; }
}
try { new DerivedNull(); } catch (e) { print(e.name); }  // expect: TypeError
// A base returning an object makes that object the derived `this`; derived fields land on it.
class Weird {
  constructor() { return Weird.target; }
}
Weird.target = { preexisting: 1 };
class WeirdChild extends Weird {
  field = 'added';
  constructor() { super(); this.more = 'also'; }
}
var w = new WeirdChild();
print(w === Weird.target, JSON.stringify(Weird.target), w instanceof WeirdChild);
// expect: true {"preexisting":1,"field":"added","more":"also"} false
