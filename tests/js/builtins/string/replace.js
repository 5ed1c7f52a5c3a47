// replace and replaceAll with string patterns, replacement patterns ($$, $&, $`, $') and
// replacer functions.
var s = 'one two one two';
print(s.replace('one', '1'), s.replaceAll('one', '1'), s.replace('three', '3'), JSON.stringify(s.replaceAll('two', '')));
// expect: 1 two one two 1 two 1 two one two one two "one  one "
print('aaa'.replace('a', 'b'), 'aaa'.replaceAll('a', 'b'), 'aaa'.replaceAll('aa', 'b'), 'abc'.replace('', '_'), 'abc'.replaceAll('', '_'));
// expect: baa bbb ba _abc _a_b_c_
print('price: X'.replace('X', '$$5'), 'abc'.replace('b', '[$&]'), 'abc'.replace('b', "[$`]"), 'abc'.replace('b', "[$']"), 'abc'.replace('b', '$1$0$'));
// expect: price: $5 a[b]c a[a]c a[c]c a$1$0$c
var calls = [];
var r = 'a-b-c'.replaceAll('-', function (match, offset, whole) { calls.push(match + '@' + offset + ' in ' + whole); return '+'; });
print(r, calls.join('; '));  // expect: a+b+c -@1 in a-b-c; -@3 in a-b-c
print('x'.replace('x', function () { return '$&'; }), 'hello'.replace('l', function (m) { return m.toUpperCase(); }));
// expect: $& heLlo
print('abc'.replace('b', 5), 'abc'.replace('b', null), 'abc'.replace('b', undefined), 'a1a'.replaceAll(1, 'one'));
// expect: a5c anullc aundefinedc aonea
print('nothing'.replace('', ''), '\u{1F600}'.replace('\uDE00', 'x').length, 'aXbXc'.replaceAll('X', '$&$&'));
// expect: nothing 2 aXXbXXc
print(String.prototype.replace.length, String.prototype.replaceAll.length);  // expect: 2 2
var template = 'Hello {name}, you are {age}';
var data = { name: 'Ann', age: 30 };
print(Object.keys(data).reduce(function (t, k) { return t.replaceAll('{' + k + '}', data[k]); }, template));
// expect: Hello Ann, you are 30
