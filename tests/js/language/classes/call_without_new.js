// Class constructors cannot be called without new; instances, methods and accessors work
// normally otherwise.
class C { constructor() { this.made = true; } }
try { C(); } catch (e) { print(e.name, e instanceof TypeError); }  // expect: TypeError true
try { C.call({}); } catch (e) { print('call:', e.name); }  // expect: call: TypeError
try { C.apply(null, []); } catch (e) { print('apply:', e.name); }  // expect: apply: TypeError
try { [1].map(C); } catch (e) { print('as callback:', e.name); }  // expect: as callback: TypeError
var Bound = C.bind(null);
try { Bound(); } catch (e) { print('bound:', e.name); }  // expect: bound: TypeError
print(new Bound().made);  // expect: true
class D extends C {}
try { D(); } catch (e) { print('derived:', e.name); }  // expect: derived: TypeError
var Expr = class {};
try { Expr(); } catch (e) { print('expression:', e.name); }  // expect: expression: TypeError
// The error happens before anything in the constructor body runs.
var ran = false;
class Side { constructor() { ran = true; } }
try { Side(); } catch (e) { print(ran); }  // expect: false
print(typeof C, new C().made);  // expect: function true
