// indexOf, lastIndexOf, includes, startsWith, endsWith with positions and edge cases.
var s = 'the quick brown fox jumps over the lazy dog';
print(s.indexOf('the'), s.indexOf('the', 1), s.indexOf('cat'), s.indexOf(''), s.indexOf('', 5), s.indexOf('', 100));
// expect: 0 31 -1 0 5 43
print(s.lastIndexOf('the'), s.lastIndexOf('the', 30), s.lastIndexOf('o'), s.lastIndexOf('o', 0), s.lastIndexOf(''), s.lastIndexOf('', 3));
// expect: 31 0 41 -1 43 3
print(s.indexOf('o', -5), s.indexOf('g', 1e9), s.lastIndexOf('t', -5), s.lastIndexOf('t', NaN));
// expect: 12 -1 0 31
print(s.includes('fox'), s.includes('Fox'), s.includes('fox', 17), s.includes(''), 'abc'.includes('c', -10));
// expect: true false false true true
print(s.startsWith('the'), s.startsWith('quick', 4), s.startsWith('the', 1), s.startsWith(''), 'abc'.startsWith('abcd'));
// expect: true true false true false
print(s.endsWith('dog'), s.endsWith('lazy', 38), s.endsWith('the', 3), 'abc'.endsWith('a', 1), 'abc'.endsWith('', 0));
// expect: true false true true true
print('aaa'.indexOf('aa'), 'aaa'.lastIndexOf('aa'), 'abcabc'.indexOf('c', 3), 'abcabc'.lastIndexOf('a', 2));
// expect: 0 1 5 0
// Arguments are converted with ToString.
print('null undefined 123'.indexOf(null), 'null undefined 123'.indexOf(undefined), 'x123'.indexOf(123), 'true'.includes(true));
// expect: 0 5 1 true
print('abc'.indexOf(), 'undefined'.indexOf(), 'a,b'.includes(['a', 'b']));  // expect: -1 0 true
// Surrogate pairs are two units.
var e = 'a\u{1F600}b';
print(e.indexOf('b'), e.indexOf('\uDE00'), e.includes('\uD83D'), e.endsWith('\uDE00b'));
// expect: 3 2 true true
// Long strings.
var long = 'ab'.repeat(10000) + 'needle' + 'ab'.repeat(10);
print(long.indexOf('needle'), long.lastIndexOf('ab'), long.includes('needle'), long.length);
// expect: 20000 20024 true 20026
