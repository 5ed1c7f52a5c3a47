// Arbitrary-precision arithmetic on digit arrays: factorials, powers of two, Fibonacci.
function mulSmall(digits, m) {
  var carry = 0;
  for (var i = 0; i < digits.length; i++) { var p = digits[i] * m + carry; digits[i] = p % 10; carry = Math.floor(p / 10); }
  while (carry) { digits.push(carry % 10); carry = Math.floor(carry / 10); }
  return digits;
}
function add(a, b) {
  var out = [], carry = 0;
  for (var i = 0; i < Math.max(a.length, b.length) || carry; i++) { var s = (a[i] || 0) + (b[i] || 0) + carry; out.push(s % 10); carry = s >= 10 ? 1 : 0; }
  return out;
}
function str(d) { return d.slice().reverse().join(''); }
var f = [1];
for (var i = 2; i <= 100; i++) mulSmall(f, i);
var fs = str(f);
print(fs.length, fs.slice(0, 20), fs.slice(-30));
// expect: 158 93326215443944152681 916864000000000000000000000000
print(fs.split('').reduce(function (s, c) { return s + Number(c); }, 0));  // expect: 648
var p = [1];
for (var j = 0; j < 200; j++) mulSmall(p, 2);
print(str(p));  // expect: 1606938044258990275541962092341162602522202993782792835301376
var a = [0], b = [1];
for (var k = 0; k < 300; k++) { var c = add(a, b); a = b; b = c; }
print(str(a).length, str(a).slice(0, 15));  // expect: 63 222232244629420
