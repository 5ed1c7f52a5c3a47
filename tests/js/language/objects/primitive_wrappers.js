// Property access on primitives goes through their wrapper prototypes; wrapper objects are
// objects; writes to primitives are ignored (sloppy) or TypeErrors (strict).
print('abc'.length, (5).toFixed(1), true.toString(), 'x'.constructor === String, (1).constructor === Number);
// expect: 3 5.0 true true true
var s = 'str';
s.prop = 'lost';
print(s.prop);  // expect: undefined
(function () { 'use strict'; try { s.prop = 1; } catch (e) { print(e.name); } })();
// expect: TypeError
var w = new String('str');
w.prop = 'kept';
print(w.prop, typeof w, w instanceof String, w == 'str', w === 'str', w.length, w[0]);
// expect: kept object true true false 3 s
print(typeof new Number(5), new Number(5) + 1, new Number(5) == 5, new Number(5) === 5);
// expect: object 6 true false
print(new Boolean(false) ? 'truthy object' : 'falsy', Boolean(new Boolean(false)));
// expect: truthy object true
print(typeof Object(1), typeof Object('s'), Object(true) instanceof Boolean, typeof Object(Symbol.iterator));
// expect: object object true object
print(Object(1) == 1, Object('a').valueOf() === 'a');  // expect: true true
// Methods added to prototypes are visible on primitives; this is the wrapper in sloppy
// methods and the primitive in strict ones.
Number.prototype.sloppyThis = function () { return typeof this; };
Number.prototype.strictThis = function () { 'use strict'; return typeof this; };
print((7).sloppyThis(), (7).strictThis());  // expect: object number
delete Number.prototype.sloppyThis;
delete Number.prototype.strictThis;
// null and undefined have no properties.
try { null.x; } catch (e) { print(e.name); }  // expect: TypeError
try { undefined.x; } catch (e) { print(e.name); }  // expect: TypeError
try { var u; u.foo(); } catch (e) { print(e.name); }  // expect: TypeError
// Indexing strings and numbers.
print('hello'[1], 'hello'['length'], (123)['toString'](), 1.5.toString(), 5..toString(2));
// expect: e 5 123 1.5 101
// Symbols are primitives too.
print(typeof Symbol.iterator, Symbol.iterator.toString(), typeof Object(Symbol.iterator));
// expect: symbol Symbol(Symbol.iterator) object
