// Strings are sequences of UTF-16 code units: astral characters are surrogate pairs.
var smile = '\u{1F600}';
print(smile.length, smile === '\uD83D\uDE00', smile.charCodeAt(0), smile.charCodeAt(1));
// expect: 2 true 55357 56832
print(smile.codePointAt(0), smile.codePointAt(1), smile.codePointAt(2));
// expect: 128512 56832 undefined
print(smile[0] === '\uD83D', smile[1] === '\uDE00', smile[2]);  // expect: true true undefined
print(String.fromCodePoint(0x1F600) === smile, String.fromCharCode(0xD83D, 0xDE00) === smile);
// expect: true true
var mixed = 'a\u{1F600}b\u00e9\u4e2d';
print(mixed.length, mixed.indexOf('b'), mixed.slice(1, 3) === smile, mixed.charCodeAt(4).toString(16));
// expect: 6 3 true e9
var cps = [];
for (var ch of mixed) cps.push(ch.codePointAt(0).toString(16));
print(cps.join(' '), [...mixed].length, Array.from(mixed).length, mixed.split('').length);
// expect: 61 1f600 62 e9 4e2d 5 5 6
// Lone surrogates are ordinary code units.
var lone = '\uD800';
print(lone.length, lone.codePointAt(0), (lone + 'x').length, ('x' + lone + lone).codePointAt(1));
// expect: 1 55296 2 55296
var hi = '\uD83D', lo = '\uDE00';
print((hi + lo) === smile, (hi + lo).codePointAt(0) === 0x1F600, [...(hi + lo)].length);
// expect: true true 1
print('\u{10FFFF}'.length, '\u{10FFFF}'.codePointAt(0), '\u{FFFF}'.length, '\u{10000}'.charCodeAt(0).toString(16));
// expect: 2 1114111 1 d800
print(String.fromCharCode(65, 66, 67), String.fromCharCode(0x10041), String.fromCharCode(-1).charCodeAt(0));
// expect: ABC A 65535
print('\u00e9' === '\xe9', 'é' === '\u00e9', 'é'.length, '中文'.length, '𝒳'.length);
// expect: true true 1 2 2
// Reversing by code units splits pairs; by code points does not.
var s = 'ab\u{1F600}';
var byPoints = [...s].reverse().join('');
print(byPoints.codePointAt(0) === 0x1F600, byPoints.length);  // expect: true 4
print(JSON.stringify('\uD83D\uDE00'), JSON.stringify('\uD800'), JSON.stringify('\uDE00x'));
// expect: "😀" "\ud800" "\ude00x"
print(smile.at(0) === '\uD83D', smile.at(-1) === '\uDE00');  // expect: true true
print('\u{1F600}\u{1F601}'.codePointAt(2).toString(16), '😀' === smile);  // expect: 1f601 true
