// ++ and -- on variables, properties and elements: prefix yields the new value, postfix the
// old one converted with ToNumber.
var a = 5;
print(a++, a, ++a, a, a--, a, --a, a);  // expect: 5 6 7 7 7 6 5 5
var s = '5';
var old = s++;
print(old, typeof old, s, typeof s);  // expect: 5 number 6 number
var u;
u++;
print(u);  // expect: NaN
var nul = null;
nul++;
print(nul);  // expect: 1
var str = 'abc';
str--;
print(str);  // expect: NaN
var b = true;
b++;
print(b);  // expect: 2
var o = { x: 1, 'y z': 10 };
print(o.x++, o.x, ++o.x, o['y z']--, o['y z']);  // expect: 1 2 3 10 9
var arr = [1, 2, 3];
var i = 0;
arr[i++]++;
print(String(arr), i);  // expect: 2,2,3 1
++arr[arr.length - 1];
print(String(arr));  // expect: 2,2,4
// The getter runs once and the setter once.
var log = [];
var acc = { _v: 10, get v() { log.push('get'); return this._v; }, set v(x) { log.push('set ' + x); this._v = x; } };
print(acc.v++, acc._v, log.join(','));  // expect: 10 11 get,set 11
log = [];
print(--acc.v, log.join(','));  // expect: 10 get,set 10
// Objects go through valueOf.
var obj = { valueOf() { return 41; } };
obj++;
print(obj, typeof obj);  // expect: 42 number
print(2147483647 + 0, (function () { var m = 2147483647; m++; return m; })());
// expect: 2147483647 2147483648
var d = 0.5;
d++;
print(d);  // expect: 1.5
try { null.x++; } catch (e) { print(e.name); }  // expect: TypeError
try { (function () { const c = 1; c++; })(); } catch (e) { print(e.name); }  // expect: TypeError
var k = 0;
var keyed = { 1: 'one' };
print(keyed[++k], k);  // expect: one 1
