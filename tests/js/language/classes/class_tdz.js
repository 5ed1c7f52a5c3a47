// Class declarations are in the TDZ until they run; the class name inside its own heritage
// expression is also in the TDZ.
try { new Later(); } catch (e) { print(e.name); }  // expect: ReferenceError
class Later {}
print(typeof new Later());  // expect: object
try {
  class SelfExtends extends SelfExtends {}
} catch (e) {
  print('self extends:', e.name);  // expect: self extends: ReferenceError
}
// A function that uses a class declared after it works once the class exists.
function make() { return new Defined(); }
try { make(); } catch (e) { print('too early:', e.name); }  // expect: too early: ReferenceError
class Defined { constructor() { this.ok = 'ok'; } }
print(make().ok);  // expect: ok
// Static field initializers can refer to the class itself.
class SelfRef { static me = SelfRef; static n = SelfRef.name; }
print(SelfRef.me === SelfRef, SelfRef.n);  // expect: true SelfRef
// Computed keys are evaluated when the class definition runs, in order.
var log = [];
class Keys {
  [(log.push('k1'), 'a')]() {}
  static [(log.push('k2'), 'b')] = log.push('static init');
  [(log.push('k3'), 'c')] = log.push('instance init');
}
print(log.join());  // expect: k1,k2,k3,static init
new Keys();
print(log.join());  // expect: k1,k2,k3,static init,instance init
