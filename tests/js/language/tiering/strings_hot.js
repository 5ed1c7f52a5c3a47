// String building and scanning in hot loops: concatenation, charCodeAt, indexing, comparison.
var s = '';
for (var i = 0; i < 20000; i++) s += String.fromCharCode(97 + (i % 26));
print(s.length, s.slice(0, 30), s.slice(-5));  // expect: 20000 abcdefghijklmnopqrstuvwxyzabcd bcdef
var counts = {};
for (var j = 0; j < s.length; j++) { var ch = s[j]; counts[ch] = (counts[ch] || 0) + 1; }
print(counts.a, counts.z, Object.keys(counts).length);  // expect: 770 769 26
var hash = 0;
for (var k = 0; k < s.length; k++) hash = (hash * 33 + s.charCodeAt(k)) >>> 0;
print(hash);  // expect: 4058981300
var parts = [];
for (var m = 0; m < 1000; m++) parts.push(m.toString(36));
var joined = parts.join('');
print(joined.length, joined.indexOf('rs'), joined.lastIndexOf('a'));  // expect: 1964 27 1929
function cmpAll(list) { var n = 0; for (var q = 1; q < list.length; q++) if (list[q - 1] < list[q]) n++; return n; }
print(cmpAll(parts), cmpAll(parts.slice().sort()));  // expect: 998 999
var rev = '';
for (var r = s.length - 1; r >= s.length - 10; r--) rev += s[r];
print(rev);  // expect: fedcbazyxw
