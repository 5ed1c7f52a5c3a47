// charAt, charCodeAt, codePointAt, at, fromCharCode, fromCodePoint, indexing.
var s = 'h\u00e9\u{1F600}!';
print(s.length, s.charAt(0), s.charAt(1) === '\u00e9', JSON.stringify(s.charAt(10)), JSON.stringify(s.charAt(-1)));
// expect: 5 h true "" ""
print(s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(2), s.charCodeAt(3), s.charCodeAt(9), s.charCodeAt(-1));
// expect: 104 233 55357 56832 NaN NaN
print(s.codePointAt(0), s.codePointAt(2), s.codePointAt(3), s.codePointAt(4), s.codePointAt(5));
// expect: 104 128512 56832 33 undefined
print(s.at(0), s.at(-1), s.at(99), s.at(-99), s.at('1') === '\u00e9', s.at(1.9) === '\u00e9');
// expect: h ! undefined undefined true true
print('abc'.charAt(), 'abc'.charCodeAt(), 'abc'.charAt(1.5), 'abc'.charAt('2'), 'abc'.charCodeAt(NaN));
// expect: a 97 b c 97
print(JSON.stringify(String.fromCharCode()), String.fromCharCode(72, 105), String.fromCharCode(0x1F600 & 0xffff).length, String.fromCharCode(65.9, '66'));
// expect: "" Hi 1 AB
print(String.fromCodePoint(72, 0x1F600, 105).length, String.fromCodePoint(0x10FFFF).codePointAt(0), String.fromCodePoint() === '');
// expect: 4 1114111 true
try { String.fromCodePoint(0x110000); } catch (e) { print(e.name); }  // expect: RangeError
try { String.fromCodePoint(1.5); } catch (e) { print(e.name); }  // expect: RangeError
try { String.fromCodePoint(NaN); } catch (e) { print(e.name); }  // expect: RangeError
print(String.fromCharCode.length, String.fromCodePoint.length, 'x'.charCodeAt.length, 'x'.at.length);
// expect: 1 1 1 1
// Methods work on non-string receivers by converting them.
print(String.prototype.charAt.call(12345, 2), String.prototype.charCodeAt.call(true, 0));
// expect: 3 116
try { String.prototype.charAt.call(null, 0); } catch (e) { print(e.name); }  // expect: TypeError
try { String.prototype.at.call(undefined, 0); } catch (e) { print(e.name); }  // expect: TypeError
