// Errors thrown by the engine and by built-ins have the right constructor.
function kind(f) {
  try { f(); return 'no error'; } catch (e) {
    return e.name + (e instanceof Error ? '' : ' (not an Error)') + (e.constructor === globalThis[e.name] ? '' : ' (wrong constructor)');
  }
}
print(kind(function () { undefinedVariable; }));  // expect: ReferenceError
print(kind(function () { null.x; }));  // expect: TypeError
print(kind(function () { undefined(); }));  // expect: TypeError
print(kind(function () { (1)(); }));  // expect: TypeError
print(kind(function () { ({}).method(); }));  // expect: TypeError
print(kind(function () { new Array(-1); }));  // expect: RangeError
print(kind(function () { (1).toFixed(101); }));  // expect: RangeError
print(kind(function () { (1).toString(1); }));  // expect: RangeError
print(kind(function () { 'x'.repeat(-1); }));  // expect: RangeError
print(kind(function () { JSON.parse('{bad'); }));  // expect: SyntaxError
print(kind(function () { var o = {}; o.o = o; JSON.stringify(o); }));  // expect: TypeError
print(kind(function () { Object.defineProperty(1, 'x', {}); }));  // expect: TypeError
print(kind(function () { Object.freeze({ a: 1 }).a = 2; }));  // expect: no error
print(kind(function () { 'use strict'; Object.freeze({ a: 1 }).a = 2; }));  // expect: TypeError
print(kind(function () { new (function () {}.bind())().x.y; }));  // expect: TypeError
print(kind(function () { Symbol.iterator + ''; }));  // expect: TypeError
print(kind(function () { [].reduce(function () {}); }));  // expect: TypeError
print(kind(function () { new Set(5); }));  // expect: TypeError
print(kind(function () { String.fromCodePoint(-1); }));  // expect: RangeError

print(kind(function () { let x = x; }));  // expect: ReferenceError
print(kind(function () { class A {} A(); }));  // expect: TypeError
print(kind(function () { 'use strict'; undeclaredStrict = 1; }));  // expect: ReferenceError
print(kind(function () { [].at(); }));  // expect: no error
// Each error type's name and prototype chain.
var types = [Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];
print(types.map(function (T) { var e = new T('m'); return e.name + ':' + (e instanceof Error) + ':' + (Object.getPrototypeOf(T.prototype) === (T === Error ? Object.prototype : Error.prototype)); }).join(' '));
// expect: Error:true:true TypeError:true:true RangeError:true:true ReferenceError:true:true SyntaxError:true:true EvalError:true:true URIError:true:true
// Errors can be created without new.
var noNew = TypeError('called');
print(noNew instanceof TypeError, noNew.message);  // expect: true called
