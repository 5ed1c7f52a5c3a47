// toUpperCase, toLowerCase (ASCII, Latin-1, Greek, Cyrillic, special casing), trim variants
// with the full JS whitespace set.
print('Hello World 123'.toUpperCase(), 'Hello World 123'.toLowerCase(), ''.toUpperCase() === '');
// expect: HELLO WORLD 123 hello world 123 true
print('\u00e9\u00e0\u00fc\u00f1'.toUpperCase() === '\u00c9\u00c0\u00dc\u00d1', '\u00c9COLE'.toLowerCase() === '\u00e9cole');
// expect: true true
print('stra\u00dfe'.toUpperCase(), 'stra\u00dfe'.toUpperCase().length);  // expect: STRASSE 7
print('\u03b1\u03b2\u03b3'.toUpperCase() === '\u0391\u0392\u0393', '\u0414\u041e\u041c'.toLowerCase() === '\u0434\u043e\u043c');
// expect: true true
print('mIxEd'.toLowerCase().toUpperCase(), 'abc'.toLocaleUpperCase(), 'ABC'.toLocaleLowerCase());
// expect: MIXED ABC abc
print('\u{1F600}a'.toUpperCase().length, '123!@#'.toUpperCase());  // expect: 3 123!@#
var ws = ' \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
var padded = ws + 'core text' + ws;
print(JSON.stringify(padded.trim()), padded.trimStart().length, padded.trimEnd().length, ws.trim().length);
// expect: "core text" 25 25 0
print(JSON.stringify('  x  '.trimStart()), JSON.stringify('  x  '.trimEnd()), '\u200bzero-width\u200b'.trim().length);
// expect: "x  " "  x" 12
print(String.prototype.trim.call(123), String.prototype.toUpperCase.call(true));
// expect: 123 TRUE
try { String.prototype.trim.call(null); } catch (e) { print(e.name); }  // expect: TypeError
