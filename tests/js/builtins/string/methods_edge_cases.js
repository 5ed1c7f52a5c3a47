// Argument conversion order, clamping of positions, and edge cases of the String.prototype
// methods; String(), new String, fromCharCode/fromCodePoint, String.raw.
var log = [];
function v(name, val) { return { valueOf: function () { log.push(name); return val; }, toString: function () { log.push(name + '.s'); return String(val); } }; }
var thisObj = { toString: function () { log.push('this'); return 'abcdef'; } };
print(String.prototype.slice.call(thisObj, v('a', 1), v('b', -1)), log.join(','));
// expect: bcde this,a,b
log = [];
print(String.prototype.indexOf.call(thisObj, v('s', 'cd'), v('p', 1)), log.join(','));
// expect: 2 this,s.s,p
log = [];
print(String.prototype.padStart.call(thisObj, v('n', 8), v('f', '*')), log.join(','));
// expect: **abcdef this,n,f.s
print('abc'.slice(-Infinity, Infinity), 'abc'.slice(2, 1) === '', 'abc'.substring(NaN, 2), 'abc'.substring(3, -1));
// expect: abc true ab abc
print('abcdef'.substr(-3), 'abcdef'.substr(1, 2), 'abcdef'.substr(1, -1) === '', 'abcdef'.substr(-Infinity, 2));
// expect: def bc true ab
print('abc'.charAt(-1) === '', 'abc'.charAt(1.9), isNaN('abc'.charCodeAt(3)), 'abc'.codePointAt(3), 'abc'.at(-4), 'abc'.at(1.5));
// expect: true b true undefined undefined b
print('\ud83d\ude00'.codePointAt(0), '\ud83d\ude00'.codePointAt(1), '\ud83d'.codePointAt(0), '\ud83d\ude00'.at(0) === '\ud83d');
// expect: 128512 56832 55357 true
print('aaa'.lastIndexOf('a'), 'aaa'.lastIndexOf('a', 1), 'aaa'.lastIndexOf('a', -5), 'aaa'.lastIndexOf('a', NaN), 'aaa'.lastIndexOf(''), 'abc'.lastIndexOf('', 1));
// expect: 2 1 0 2 3 1
print('abc'.indexOf(''), 'abc'.indexOf('', 10), 'abc'.indexOf('c', -5), 'abc'.indexOf('bcd'), 'undefined'.indexOf(), 'null'.includes(null));
// expect: 0 3 2 -1 0 true
print('abc'.startsWith(''), 'abc'.startsWith('c', 2), 'abc'.startsWith('abcd'), 'abc'.endsWith('a', 1), 'abc'.endsWith('c', -1), 'abc'.endsWith('', 0));
// expect: true true false true false true
print('ab'.repeat(0) === '', ''.repeat(100) === '', 'x'.repeat(2.9), 'ab'.padEnd(5, ''), 'ab'.padEnd(1, 'xyz'), 'ab'.padEnd(7, 'xyz'));
// expect: true true xx ab ab abxyzxy
try { 'a'.repeat(-1); } catch (e) { print(e.name); }  // expect: RangeError
try { 'a'.repeat(Infinity); } catch (e) { print(e.name); }  // expect: RangeError
try { 'abc'.repeat(2 ** 30); } catch (e) { print(e.name); }  // expect: RangeError
try { 'abc'.padStart(2 ** 31); } catch (e) { print(e.name); }  // expect: RangeError
print('a-b-c'.split('-', 2), 'a-b-c'.split('-', 0).length, 'a-b-c'.split('-', -1).length, 'abc'.split().length, 'abc'.split(undefined, 0).length);
// expect: a,b 0 3 1 0
print(JSON.stringify('a,,b,'.split(',')), JSON.stringify(''.split('')), JSON.stringify(''.split('x')), JSON.stringify('ab'.split('', 1)));
// expect: ["a","","b",""] [] [""] ["a"]
print(JSON.stringify('aXXbXXc'.split('XX')), JSON.stringify('aaa'.split('aa')), JSON.stringify('\ud83d\ude00'.split('')));
// expect: ["a","b","c"] ["","a"] ["\ud83d","\ude00"]
// replace / replaceAll with string patterns, $-patterns and replacer functions.
print('x-y-z'.replace('-', '+'), 'x-y-z'.replaceAll('-', '+'), 'abc'.replace('b', '[$&]'), 'abc'.replace('b', "[$`|$']"));
// expect: x+y-z x+y+z a[b]c a[a|c]c
print('abc'.replace('b', '$$'), 'abc'.replace('b', '$1$<n>$0'), 'abc'.replace('b', '$'), 'abc'.replace('z', 'y'));
// expect: a$c a$1$<n>$0c a$c abc
print('aaa'.replaceAll('a', '$&$&'), 'abc'.replaceAll('', '.'), ''.replaceAll('', 'x'), 'aaaa'.replaceAll('aa', 'b'));
// expect: aaaaaa .a.b.c. x bb
var calls = [];
print('a1b1c'.replaceAll('1', function (m, pos, str) { calls.push(m + '@' + pos + ':' + str); return '<' + pos + '>'; }), calls.join(' '));
// expect: a<1>b<3>c 1@1:a1b1c 1@3:a1b1c
print('abc'.replace('b', function () { return undefined; }), 'abc'.replace('', '^'), 'abc'.replace('c', '$\''));
// expect: aundefinedc ^abc ab
// concat, at, trim of nothing, includes with position
print('a'.concat(), 'a'.concat(1, [2, 3], {}), 'abc'.includes('a', 1), 'abc'.includes('', 99));
// expect: a a12,3[object Object] false true
// Constructor
print(String(), String(undefined), String(null), String(-0), String([1, [2]]), String(Symbol('d')), String(Symbol()));
// expect:  undefined null 0 1,2 Symbol(d) Symbol()
try { new String(Symbol()); } catch (e) { print(e.name); }  // expect: TypeError
try { '' + Symbol(); } catch (e) { print(e.name); }  // expect: TypeError
var w = new String('hi');
print(typeof w, w.length, w[0], w[2], Object.keys(w).join(), w instanceof String, w.valueOf() === 'hi', w == 'hi', w === 'hi');
// expect: object 2 h undefined 0,1 true true true false
print(JSON.stringify(Object.getOwnPropertyDescriptor(w, 'length')), JSON.stringify(Object.getOwnPropertyDescriptor(w, '0')));
// expect: {"value":2,"writable":false,"enumerable":false,"configurable":false} {"value":"h","writable":false,"enumerable":true,"configurable":false}
print(Object.prototype.toString.call(String.prototype), String.prototype.length, String.prototype.valueOf() === '');
// expect: [object String] 0 true
try { String.prototype.toString.call({}); } catch (e) { print(e.name); }  // expect: TypeError
try { String.prototype.valueOf.call(1); } catch (e) { print(e.name); }  // expect: TypeError
print(String.fromCharCode(), String.fromCharCode(65, 66.9, 65536 + 67, -65536 + 68), String.fromCharCode('0x41'));
// expect:  ABCD A
print(String.fromCodePoint(0x1F600).length, String.fromCodePoint(97, 0x10FFFF).length, String.fromCodePoint() === '');
// expect: 2 3 true
[-1, 0x110000, 1.5, NaN, Infinity, 'x'].forEach(function (cp) {
  try { String.fromCodePoint(cp); print('ok'); } catch (e) { print(e.name); }
});
// expect: RangeError
// expect: RangeError
// expect: RangeError
// expect: RangeError
// expect: RangeError
// expect: RangeError
print(String.raw({ raw: ['a', 'b', 'c'] }, 1, 2, 3), String.raw({ raw: 'xyz' }, '-', '+'), String.raw({ raw: [] }) === '', String.raw({ raw: { length: 1, 0: 'only' } }, 9));
// expect: a1b2c x-y+z true only
print(String.length, String.name, String.fromCharCode.length, String.fromCodePoint.length, String.raw.length);
// expect: 1 String 1 1 1
print('abc'.isWellFormed(), '\ud800'.isWellFormed(), 'a\udc00b'.toWellFormed() === 'a\ufffdb', '\ud83d\ude00'.toWellFormed() === '\ud83d\ude00');
// expect: true false true true
print(String.prototype.trimLeft === String.prototype.trimStart, String.prototype.trimRight === String.prototype.trimEnd, String.prototype.trimStart.name);
// expect: true true trimStart
