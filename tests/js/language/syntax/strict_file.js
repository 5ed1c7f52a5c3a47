'use strict';
// A "use strict" directive at the top of the file makes all of its code strict.
function f() { return this; }
print(f(), typeof f.call(1));  // expect: undefined number
try { undeclaredInStrictFile = 1; } catch (e) { print(e.name); }  // expect: ReferenceError
try { Object.freeze({ a: 1 }).a = 2; } catch (e) { print(e.name); }  // expect: TypeError
function g(a) { a = 2; return arguments[0]; }
print(g(1));  // expect: 1
try { (function () { return arguments.callee; })(); } catch (e) { print(e.name); }
// expect: TypeError
var o = {};
Object.defineProperty(o, 'fixed', { value: 1 });
try { delete o.fixed; } catch (e) { print(e.name); }  // expect: TypeError
print((function () { return typeof this; })());  // expect: undefined
