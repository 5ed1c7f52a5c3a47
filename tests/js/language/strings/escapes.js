// String literal escapes.
print('a\tb' === 'a' + String.fromCharCode(9) + 'b', '\n'.charCodeAt(0), '\r'.charCodeAt(0));
// expect: true 10 13
print('\b'.charCodeAt(0), '\f'.charCodeAt(0), '\v'.charCodeAt(0), '\0'.charCodeAt(0), '\0'.length);
// expect: 8 12 11 0 1
print('\x41\x42', '\x7e', '\u0041', '\u{41}', '\u{0000041}', '\u{1F600}'.length);
// expect: AB ~ A A A 2
print('\'', "\"", '\\', '\"', "\'", `\``, '\$', `\${x}`);  // expect: ' " \ " ' ` $ ${x}
print('\a\c\d\e\g\h\i\j\k\l\m\o\p\q\s\w\y\z', '\%', '\-');  // expect: acdeghijklmopqswyz % -
var continued = 'line one\
 continued';
var xy = 'x\
y';
print(continued, xy.length, xy);  // expect: line one continued 2 xy
print('\101\102', '\7'.charCodeAt(0), '\12'.charCodeAt(0), '\377'.charCodeAt(0), '\400'.length, '\08'.length);
// expect: AB 7 10 255 2 2
print('\u2028'.length, '\u2029'.charCodeAt(0).toString(16), '\u2028' === '\u{2028}');
// expect: 1 2029 true
var s = 'tab:\t|nl:\n|cr:\r|bs:\\|q:\'|dq:"|nul:\0|';
print(JSON.stringify(s));  // expect: "tab:\t|nl:\n|cr:\r|bs:\\|q:'|dq:\"|nul:\u0000|"
print(s.length);  // expect: 36
print("single ' inside double", 'double " inside single', `both ' " inside template`);
// expect: single ' inside double double " inside single both ' " inside template
print('\u00e9\u00E9' === 'éé', '\uD83D\uDE00' === '\u{1F600}', '\u{10FFFF}'.codePointAt(0).toString(16));
// expect: true true 10ffff
