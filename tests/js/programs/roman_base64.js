// Roman numerals both ways and a base64 encoder/decoder written with bit operations.
var romans = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
function toRoman(n) { var out = ''; romans.forEach(function (p) { while (n >= p[0]) { out += p[1]; n -= p[0]; } }); return out; }
function fromRoman(s) { var v = 0, i = 0; romans.forEach(function (p) { while (s.startsWith(p[1], i)) { v += p[0]; i += p[1].length; } }); return v; }
print([1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999].map(toRoman).join(' '));
// expect: I IV IX XIV XL XC CD MCMXCIV MMXXIV MMMCMXCIX
var ok = true;
for (var n = 1; n < 4000; n++) if (fromRoman(toRoman(n)) !== n) ok = false;
print(ok);  // expect: true
var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function encode(s) {
  var out = '';
  for (var i = 0; i < s.length; i += 3) {
    var a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
    var triple = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[triple >> 18 & 63] + B64[triple >> 12 & 63] + (i + 1 < s.length ? B64[triple >> 6 & 63] : '=') + (i + 2 < s.length ? B64[triple & 63] : '=');
  }
  return out;
}
function decode(s) {
  var out = '';
  for (var i = 0; i < s.length; i += 4) {
    var n = (B64.indexOf(s[i]) << 18) | (B64.indexOf(s[i + 1]) << 12) | ((B64.indexOf(s[i + 2]) & 63) << 6) | (B64.indexOf(s[i + 3]) & 63);
    out += String.fromCharCode(n >> 16 & 255);
    if (s[i + 2] !== '=') out += String.fromCharCode(n >> 8 & 255);
    if (s[i + 3] !== '=') out += String.fromCharCode(n & 255);
  }
  return out;
}
['', 'f', 'fo', 'foo', 'foobar', 'Hello, World!'].forEach(function (s) { print(JSON.stringify(s), encode(s), decode(encode(s)) === s); });
// expect: ""  true
// expect: "f" Zg== true
// expect: "fo" Zm8= true
// expect: "foo" Zm9v true
// expect: "foobar" Zm9vYmFy true
// expect: "Hello, World!" SGVsbG8sIFdvcmxkIQ== true
