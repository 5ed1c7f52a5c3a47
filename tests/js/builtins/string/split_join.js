// split with string separators and limits; round trips with join.
print(JSON.stringify('a,b,c'.split(',')), JSON.stringify('a,b,c'.split(',', 2)), JSON.stringify('a,b,c'.split(',', 0)));
// expect: ["a","b","c"] ["a","b"] []
print(JSON.stringify('abc'.split('')), JSON.stringify(''.split('')), JSON.stringify(''.split(',')), JSON.stringify('abc'.split()));
// expect: ["a","b","c"] [] [""] ["abc"]
print(JSON.stringify('a,,b,'.split(',')), JSON.stringify(',a'.split(',')), JSON.stringify('aXXbXXc'.split('XX')), JSON.stringify('abc'.split('abc')));
// expect: ["a","","b",""] ["","a"] ["a","b","c"] ["",""]
print(JSON.stringify('a b  c'.split(' ')), JSON.stringify('one'.split('none')), JSON.stringify('1-2-3'.split('-', -1)));
// expect: ["a","b","","c"] ["one"] ["1","2","3"]
print(JSON.stringify('a1b1c'.split(1)), JSON.stringify('nullxnull'.split(null)), JSON.stringify('abc'.split(undefined, 0)));
// expect: ["a","b","c"] ["","x",""] []
print(JSON.stringify('\u{1F600}a'.split('')), '\u{1F600}a'.split('').length);
// expect: ["\ud83d","\ude00","a"] 3
var csv = 'name,age\nann,30\nbob,25';
var rows = csv.split('\n').map(function (line) { return line.split(','); });
print(rows.length, rows[2][0], rows[1][1] * 1 + rows[2][1] * 1);  // expect: 3 bob 55
print('x-y-z'.split('-').join('+'), 'a,b'.split(',').reverse().join(','), 'word'.split('').reverse().join(''));
// expect: x+y+z b,a drow
var sentence = 'the cat sat on the mat';
print(sentence.split(' ').filter(function (w) { return w === 'the'; }).length, sentence.split('the').length);
// expect: 2 3
print(JSON.stringify('abc'.split('', 2)), JSON.stringify('a,b,c'.split(',', 4294967297)));
// expect: ["a","b"] ["a"]
