// Word frequencies, capitalization, palindromes, caesar cipher, run-length encoding.
var text = 'the quick brown fox jumps over the lazy dog the fox barks and the dog sleeps';
var freq = {};
text.split(' ').forEach(function (w) { freq[w] = (freq[w] || 0) + 1; });
var top = Object.entries(freq).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); }).slice(0, 4);
print(JSON.stringify(top));  // expect: [["the",4],["dog",2],["fox",2],["and",1]]
print(text.split(' ').map(function (w) { return w[0].toUpperCase() + w.slice(1); }).slice(0, 5).join(' '));
// expect: The Quick Brown Fox Jumps
function isPal(s) { var t = s.toLowerCase().split('').filter(function (c) { return c >= 'a' && c <= 'z'; }).join(''); return t === t.split('').reverse().join(''); }
print(isPal('A man, a plan, a canal: Panama'), isPal('hello'), isPal(''), isPal('Was it a car or a cat I saw?'));
// expect: true false true true
function caesar(s, k) {
  return s.split('').map(function (c) {
    var code = c.charCodeAt(0);
    if (code >= 97 && code <= 122) return String.fromCharCode((code - 97 + k + 26) % 26 + 97);
    if (code >= 65 && code <= 90) return String.fromCharCode((code - 65 + k + 26) % 26 + 65);
    return c;
  }).join('');
}
var enc = caesar('Hello, World!', 3);
print(enc, caesar(enc, -3));  // expect: Khoor, Zruog! Hello, World!
function rle(s) { var out = ''; for (var i = 0; i < s.length;) { var j = i; while (j < s.length && s[j] === s[i]) j++; out += (j - i) + s[i]; i = j; } return out; }
function unrle(s) { var out = '', num = ''; for (var i = 0; i < s.length; i++) { var c = s[i]; if (c >= '0' && c <= '9') num += c; else { out += c.repeat(Number(num)); num = ''; } } return out; }
var r = rle('aaabccddddde');
print(r, unrle(r), unrle(rle('x'.repeat(25) + 'y')).length);  // expect: 3a1b2c5d1e aaabccddddde 26
