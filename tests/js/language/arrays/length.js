// length is one more than the largest index; setting it truncates or extends.
var a = [1, 2, 3, 4, 5];
a.length = 3;
print(String(a), a[3], 3 in a);  // expect: 1,2,3 undefined false
a.length = 5;
print(String(a), a.length, 4 in a);  // expect: 1,2,3,, 5 false
a.length = 0;
print(a.length, a[0], String(a) === '');  // expect: 0 undefined true
var b = [];
b[9] = 'x';
print(b.length);  // expect: 10
b[100] = 'y';
print(b.length);  // expect: 101
b.length = 10;
print(b.length, b[100], b[9]);  // expect: 10 undefined x
// Non-index keys do not change length.
var c = [1];
c['foo'] = 2;
c[-1] = 3;
c['1.5'] = 4;
c['01'] = 5;
print(c.length, Object.keys(c).join());  // expect: 1 0,foo,-1,1.5,01
c['1'] = 'index via string';
print(c.length);  // expect: 2
// Invalid lengths throw RangeError.
try { c.length = -1; } catch (e) { print(e.name); }  // expect: RangeError
try { c.length = 1.5; } catch (e) { print(e.name); }  // expect: RangeError
try { new Array(-1); } catch (e) { print(e.name); }  // expect: RangeError
try { new Array(4294967296); } catch (e) { print(e.name); }  // expect: RangeError
c.length = '3';
print(c.length);  // expect: 3
// The largest array index is 2^32 - 2.
var big = [];
big[4294967294] = 'last';
print(big.length);  // expect: 4294967295
big[4294967295] = 'not an index';
print(big.length, Object.keys(big).length);  // expect: 4294967295 2
// push and pop update length.
var p = [];
print(p.push(1, 2, 3), p.length, p.pop(), p.length);  // expect: 3 3 3 2
// length of arrays of arrays, array constructor forms.
print(new Array(5).length, new Array(5, 6).length, Array(3).length, new Array('5').length, [[]].length);
// expect: 5 2 3 1 1
// Truncating through length removes elements even if they were getters? No: only data here.
var d = [0, 1, 2, 3];
var removed = d.splice(1);
print(d.length, removed.length);  // expect: 1 3
// length is writable but not configurable; non-writable length blocks growth.
var frozenLen = [1, 2];
Object.defineProperty(frozenLen, 'length', { writable: false });
frozenLen[5] = 'no';
print(frozenLen.length, frozenLen[5]);  // expect: 2 undefined
try { frozenLen.push(3); } catch (e) { print(e.name); }  // expect: TypeError
