// CRC-32 (table driven, unsigned 32-bit arithmetic with >>> and ^), Adler-32 and FNV-1a.
var table = [];
for (var n = 0; n < 256; n++) {
  var c = n;
  for (var k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
  table.push(c >>> 0);
}
function crc32(s) {
  var crc = 0xFFFFFFFF;
  for (var i = 0; i < s.length; i++) crc = table[(crc ^ s.charCodeAt(i)) & 0xFF] ^ (crc >>> 8);
  return (crc ^ 0xFFFFFFFF) >>> 0;
}
function adler32(s) {
  var a = 1, b = 0;
  for (var i = 0; i < s.length; i++) { a = (a + s.charCodeAt(i)) % 65521; b = (b + a) % 65521; }
  return ((b << 16) | a) >>> 0;
}
function fnv1a(s) {
  var h = 0x811c9dc5;
  for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}
['', 'a', 'abc', 'The quick brown fox jumps over the lazy dog', '123456789'].forEach(function (s) {
  print(crc32(s).toString(16).padStart(8, '0'), adler32(s).toString(16).padStart(8, '0'), fnv1a(s).toString(16).padStart(8, '0'));
  // expect: 00000000 00000001 811c9dc5
  // expect: e8b7be43 00620062 e40c292c
  // expect: 352441c2 024d0127 1a47e90b
  // expect: 414fa339 5bdc0fda 048fff90
  // expect: cbf43926 091e01de bb86b11c
});
var long = 'x'.repeat(100000);
print(crc32(long).toString(16), table[255].toString(16));  // expect: fe071171 2d02ef8d
