// slice, substring, substr: negative and swapped arguments, NaN, out of range.
var s = 'Hello, World';
print(s.slice(0, 5), s.slice(7), s.slice(-5), s.slice(-5, -1), s.slice(5, 2) === '', s.slice(100) === '', s.slice(-100, 2));
// expect: Hello World World Worl true true He
print(s.substring(0, 5), s.substring(7), s.substring(5, 0), s.substring(-3, 2), s.substring(NaN, 3), s.substring(3, NaN), JSON.stringify(s.substring(20)));
// expect: Hello World Hello He Hel Hel ""
print(s.substr(0, 5), s.substr(-5), s.substr(-5, 2), s.substr(7, 100), s.substr(3, -1) === '', s.substr(NaN, 2));
// expect: Hello World Wo World true He
print(s.slice(1.9, 3.1), s.substring('2', '4'), s.slice(undefined, 3), s.substring(undefined, 3), s.substr(undefined, 3));
// expect: el ll Hel Hel Hel
print(s.slice(), s.substring(), s.substr(), s.slice(0) === s);
// expect: Hello, World Hello, World Hello, World true
print('\u{1F600}x'.slice(1).length, '\u{1F600}x'.slice(0, 1).charCodeAt(0).toString(16));
// expect: 2 d83d
print(String.prototype.slice.length, String.prototype.substring.length, String.prototype.substr.length);
// expect: 2 2 2
print(String.prototype.slice.call(123456, 2, 4), String.prototype.substring.call([1, 2, 3], 2));
// expect: 34 2,3
