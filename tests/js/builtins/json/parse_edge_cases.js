// JSON.parse: the grammar's corners (what is and is not JSON), duplicate keys, __proto__ as a
// plain key, index-like keys, numbers, escapes, whitespace, deep nesting without recursion.
function p(text) {
  try { return JSON.stringify(JSON.parse(text)); } catch (e) { return e.name; }
}
print(p('0'), p('-0'), p('1.5e3'), p('-1E-2'), p('1e400'), p('123456789012345678901234567890'));
// expect: 0 0 1500 -0.01 null 1.2345678901234568e+29
print(Object.is(JSON.parse('-0'), -0), JSON.parse('2147483648'), JSON.parse('-2147483649'), JSON.parse('0.1') + JSON.parse('0.2'));
// expect: true 2147483648 -2147483649 0.30000000000000004
['01', '+1', '.5', '1.', '1e', '1e+', '-', '0x10', 'NaN', 'Infinity', '- 1', '1_000'].forEach(function (t) { print(t, p(t)); });
// expect: 01 SyntaxError
// expect: +1 SyntaxError
// expect: .5 SyntaxError
// expect: 1. SyntaxError
// expect: 1e SyntaxError
// expect: 1e+ SyntaxError
// expect: - SyntaxError
// expect: 0x10 SyntaxError
// expect: NaN SyntaxError
// expect: Infinity SyntaxError
// expect: - 1 SyntaxError
// expect: 1_000 SyntaxError
['', ' ', '[', '[1,]', '{"a":1,}', '{a:1}', "{'a':1}", '[1 2]', '{"a" 1}', '{"a":1 "b":2}', 'tru', 'nul', 'true false', '"abc', '"\\x"', '"\\u12G4"', '"a\nb"', '"\t"', '[]]', '{}x'].forEach(function (t) {
  print(JSON.stringify(t), p(t));
});
// expect: "" SyntaxError
// expect: " " SyntaxError
// expect: "[" SyntaxError
// expect: "[1,]" SyntaxError
// expect: "{\"a\":1,}" SyntaxError
// expect: "{a:1}" SyntaxError
// expect: "{'a':1}" SyntaxError
// expect: "[1 2]" SyntaxError
// expect: "{\"a\" 1}" SyntaxError
// expect: "{\"a\":1 \"b\":2}" SyntaxError
// expect: "tru" SyntaxError
// expect: "nul" SyntaxError
// expect: "true false" SyntaxError
// expect: "\"abc" SyntaxError
// expect: "\"\\x\"" SyntaxError
// expect: "\"\\u12G4\"" SyntaxError
// expect: "\"a\nb\"" SyntaxError
// expect: "\"\t\"" SyntaxError
// expect: "[]]" SyntaxError
// expect: "{}x" SyntaxError
print(p(' \t\n\r[ 1 , { "a" : [ ] } ] \n'), p('"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\"\\\\"'), p('"\u2028\u2029"').length);
// expect: [1,{"a":[]}] "é😀/\b\f\n\r\t\"\\" 4
print(JSON.parse('"\\ud800"').length, JSON.parse('"\\uDC00\\uD800"').charCodeAt(1).toString(16), JSON.parse('"\u00ff\u0100"').length);
// expect: 1 d800 2
// Duplicate keys: the last value wins, in the first position.
print(p('{"a":1,"b":2,"a":3}'), p('{"2":"x","1":"y","b":1,"2":"z"}'), p('{"":1,"\\u0000":2}'));
// expect: {"a":3,"b":2} {"1":"y","2":"z","b":1} {"":1,"\u0000":2}
var pr = JSON.parse('{"__proto__": {"x": 1}, "constructor": 2}');
print(Object.getPrototypeOf(pr) === Object.prototype, Object.keys(pr).join(), pr.x, JSON.stringify(pr.__proto__));
// expect: true __proto__,constructor undefined {"x":1}
var arr = JSON.parse('[1, "two", null, true, [], {}]');
print(Array.isArray(arr), arr.length, typeof arr[4], Array.isArray(arr[4]), Object.getPrototypeOf(arr[5]) === Object.prototype);
// expect: true 6 object true true
// Conversion of the argument: ToString first.
print(JSON.parse(123), JSON.parse({ toString: function () { return '[7]'; } })[0], JSON.parse(null), JSON.parse(true));
// expect: 123 7 null true
try { JSON.parse(undefined); } catch (e) { print(e.name); }  // expect: SyntaxError
try { JSON.parse(); } catch (e) { print(e.name); }  // expect: SyntaxError
