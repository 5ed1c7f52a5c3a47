// Full Unicode case mapping: one code point to several (SpecialCasing), characters that leave
// Latin-1, Final_Sigma, astral letters, and strings that do not change.
print('\u00df'.toUpperCase(), '\u00ff'.toUpperCase() === '\u0178', '\u00b5'.toUpperCase() === '\u039c');
// expect: SS true true
print('\ufb00\ufb01\ufb03'.toUpperCase(), '\u0149'.toUpperCase() === '\u02bcN', '\u0390'.toUpperCase().length);
// expect: FFFIFFI true 3
print('\u0130'.toLowerCase().length, '\u0130'.toLowerCase() === 'i\u0307', 'I'.toLowerCase());
// expect: 2 true i
// Final sigma: at the end of a word, but not alone or inside a word.
print('\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3'.toLowerCase() === '\u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c2');
// expect: true
print('\u03a3'.toLowerCase() === '\u03c3', 'A\u03a3 B'.toLowerCase() === 'a\u03c2 b', 'A\u03a3.B'.toLowerCase() === 'a\u03c3.b');
// expect: true true true
print('A\u0301\u03a3'.toLowerCase() === 'a\u0301\u03c2', '\u03a3A'.toLowerCase() === '\u03c3a');
// expect: true true
// Cyrillic, Armenian, Georgian, Deseret (astral).
print('\u0416\u0401\u0404'.toLowerCase() === '\u0436\u0451\u0454', '\u0561\u0562'.toUpperCase() === '\u0531\u0532');
// expect: true true
print('\u{10428}'.toUpperCase() === '\u{10400}', '\u{10400}'.toLowerCase() === '\u{10428}', '\u{10400}'.toLowerCase().length);
// expect: true true 2
// Lone surrogates and characters without case pass through.
print('\ud800x\udc00'.toUpperCase() === '\ud800X\udc00', '\u4e2d\u6587'.toUpperCase() === '\u4e2d\u6587');
// expect: true true
print('\u01c5'.toUpperCase() === '\u01c4', '\u01c5'.toLowerCase() === '\u01c6', '\u1e9e'.toLowerCase() === '\u00df');
// expect: true true true
var all = '';
for (var c = 0; c < 0x250; c++) all += String.fromCharCode(c);
var up = all.toUpperCase(), low = all.toLowerCase();
print(up.length, low.length, up.toLowerCase() === low.toLowerCase());
// expect: 595 593 false
print('\u00e0\u00fe\u00f7\u00d7'.toUpperCase() === '\u00c0\u00de\u00f7\u00d7', 'ABC\u00c0'.toLocaleLowerCase() === 'abc\u00e0');
// expect: true true
