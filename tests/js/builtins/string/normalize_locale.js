// normalize: the four forms over composed/decomposed Latin, reordering of combining marks,
// compatibility characters, Hangul; bad forms are RangeErrors. localeCompare: base letters,
// then accents, then case (lower first).
function escape(s) {
  var out = '';
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    out += c < 128 ? s[i] : c < 256 ? '%' + c.toString(16).toUpperCase() : '%u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}
var e1 = '\u00e9', e2 = 'e\u0301';
print(e1.normalize('NFD') === e2, e2.normalize() === e1, e2.normalize('NFC') === e1, e1.normalize('NFD').length);
// expect: true true true 2
print('abc'.normalize() === 'abc', ''.normalize('NFKD') === '', 'caf\u00e9'.normalize('NFKC').length);
// expect: true true 4
// U+1E9B U+0323: the example of UAX #15.
var s = '\u1e9b\u0323';
print(escape(s.normalize('NFC')), escape(s.normalize('NFD')), escape(s.normalize('NFKC')), escape(s.normalize('NFKD')));
// expect: %u1E9B%u0323 %u017F%u0323%u0307 %u1E69 s%u0323%u0307
// Combining marks are put in canonical order (dot below, class 220, before acute, 230).
print(escape('a\u0301\u0323'.normalize('NFD')), escape('a\u0301\u0323'.normalize('NFC')));
// expect: a%u0323%u0301 %u1EA1%u0301
print(escape('\u212b'.normalize('NFC')), escape('\u2126'.normalize('NFD')), escape('\ufb01'.normalize('NFKD')));
// expect: %C5 %u03A9 fi
print(escape('\u00bd\u2460\u00aa'.normalize('NFKC')), '\u00bd'.normalize('NFC') === '\u00bd');
// expect: 1%u204421a true
var hangul = '\ud55c\uae00';
print(hangul.normalize('NFD').length, hangul.normalize('NFD').normalize('NFC') === hangul);
// expect: 6 true
print('\u1100\u1161\u11a8'.normalize() === '\uac01', '\u{1d15e}'.normalize('NFD').length);
// expect: true 4
['nfc', 'NFX', ''].forEach(function (f) {
  try { 'x'.normalize(f); print('no error'); } catch (e) { print(e.name); }
});
// expect: RangeError
// expect: RangeError
// expect: RangeError
print('x'.normalize(undefined), String.prototype.normalize.length);  // expect: x 0
try { String.prototype.normalize.call(null); } catch (e) { print(e.name); }  // expect: TypeError
// localeCompare
print('a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), 'a'.localeCompare('B'));
// expect: -1 1 0 -1
print('a'.localeCompare('A'), 'A'.localeCompare('b'), 'resume'.localeCompare('r\u00e9sum\u00e9'), 'r\u00e9sum\u00e9'.localeCompare('resumf'));
// expect: -1 -1 -1 -1
print('10'.localeCompare('9'), '9'.localeCompare('a'), ' a'.localeCompare('a'), 'ab'.localeCompare('a'));
// expect: -1 -1 -1 1
print('o\u0308'.localeCompare('\u00f6'), '\u00e1'.localeCompare('\u00e0'), '\u00e9b'.localeCompare('ea'), 'x'.localeCompare('x\u0301'), '\u03a9'.localeCompare('\u03c9'));
// expect: 0 -1 1 -1 1
var words = ['banana', 'Apple', 'cherry', '\u00e9clair', 'apple', 'Eclair', 'date'];
print(words.sort(function (x, y) { return x.localeCompare(y); }).join(' '));
// expect: apple Apple banana cherry date Eclair éclair
