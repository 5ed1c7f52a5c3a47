// Boolean conversion, constructor, wrapper objects and prototype methods.
var falsy = [false, 0, -0, NaN, '', null, undefined];
var truthy = [true, 1, -1, 'false', '0', ' ', [], {}, function () {}, Infinity, new Boolean(false), Symbol.iterator];
print(falsy.map(Boolean).join(), truthy.map(Boolean).join());
// expect: false,false,false,false,false,false,false true,true,true,true,true,true,true,true,true,true,true,true
print(Boolean(), typeof Boolean(1), typeof new Boolean(1), new Boolean(0).valueOf(), new Boolean('x').toString());
// expect: false boolean object false true
print(true.toString(), false.valueOf(), Boolean.prototype.valueOf(), Boolean.prototype.toString.call(true));
// expect: true false false true
try { Boolean.prototype.toString.call('true'); } catch (e) { print(e.name); }  // expect: TypeError
try { Boolean.prototype.valueOf.call(1); } catch (e) { print(e.name); }  // expect: TypeError
print(new Boolean(false) ? 'object is truthy' : 'falsy', !!new Boolean(false), new Boolean(false) == false, new Boolean(true) === true);
// expect: object is truthy true true false
print(true + true, true * 5, false - 1, true / 2, String(true) + 1, true == 1, true === 1, true > false);
// expect: 2 5 -1 0.5 true1 true false true
print(Boolean.length, Boolean.name, Object.prototype.toString.call(true), Object.prototype.toString.call(new Boolean(1)));
// expect: 1 Boolean [object Boolean] [object Boolean]
