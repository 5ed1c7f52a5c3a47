// Compound assignment evaluates the reference once, reads, operates, then stores.
var x = 7;
x += 3; x -= 1; x *= 2; x /= 3; x %= 4; x **= 3;
print(x);  // expect: 8
var b = 0b1010;
b &= 0b0110; print(b);  // expect: 2
b |= 0b1001; print(b);  // expect: 11
b ^= 0b0101; print(b);  // expect: 14
b <<= 3; print(b);  // expect: 112
b >>= 1; print(b);  // expect: 56
b = -b;
b >>>= 28; print(b);  // expect: 15
// The object and key expressions run once, before the right-hand side.
var log = [];
var obj = { n: 1 };
function getObj() { log.push('obj'); return obj; }
function getKey() { log.push('key'); return 'n'; }
function getVal() { log.push('val'); return 10; }
getObj()[getKey()] += getVal();
print(obj.n, log.join(','));  // expect: 11 obj,key,val
// The left operand is read before the right side runs, even if the right side changes it.
var y = 1;
y += (y = 10, 5);
print(y);  // expect: 6
var arr = [1, 2];
arr[0] += (arr[0] = 100);
print(String(arr));  // expect: 101,2
// String concatenation builds long strings.
var s = '';
for (var i = 0; i < 5; i++) s += i;
s += [5, 6];
print(s, s.length);  // expect: 012345,6 8
// Assignment is an expression whose value is the right side, right-associative.
var p, q, r;
p = q = r = 4;
print(p, q, r, (p = 9) + 1, p);  // expect: 4 4 4 10 9
var o2 = {};
print((o2.a = 'v'), o2.a);  // expect: v v
// Assignment to a getter-only property is ignored in sloppy code.
var ro = { get g() { return 1; } };
ro.g = 2;
print(ro.g);  // expect: 1
(function () {
  'use strict';
  try { ro.g = 3; } catch (e) { print(e.name, ro.g); }  // expect: TypeError 1
})();
