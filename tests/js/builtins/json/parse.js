// JSON.parse: grammar, numbers, escapes, duplicate keys, whitespace, and SyntaxErrors.
print(JSON.parse('1'), JSON.parse('-0.5e2'), JSON.parse('"s"'), JSON.parse('true'), JSON.parse('null'), JSON.parse(' [1, 2] ').length);
// expect: 1 -50 s true null 2
var o = JSON.parse('{"a":1,"b":[true,false,null],"c":{"d":"e"},"a":"dup"}');
print(o.a, o.b.length, o.b[2], o.c.d, Object.keys(o).join());  // expect: dup 3 null e a,b,c
print(JSON.parse('"\\u0041\\n\\t\\"\\\\\\/\\b\\f\\r"') === 'A\n\t"\\/\b\f\r', JSON.parse('"\\ud83d\\ude00"').length, JSON.parse('"\u00e9"'));
// expect: true 2 é
print(1 / JSON.parse('-0'), JSON.parse('1E2'), JSON.parse('1e-2'), JSON.parse('123456789012345678901234567890'), JSON.parse('1e400'));
// expect: -Infinity 100 0.01 1.2345678901234568e+29 Infinity
print(JSON.stringify(JSON.parse('{"__proto__": 1}')), Object.keys(JSON.parse('{"2":0,"1":0,"b":0,"a":0}')).join());
// expect: {"__proto__":1} 1,2,b,a
print(JSON.parse('\t\n\r [ 1 ,\n 2 ] \n').join(), JSON.parse('{}').constructor === Object, Array.isArray(JSON.parse('[]')));
// expect: 1,2 true true
var bad = ['', ' ', '{', '[1,]', '{"a":1,}', "{'a':1}", '{a:1}', '01', '1.', '.5', '+1', '0x10', 'NaN', 'Infinity', 'undefined',
  '"\\x41"', '"unterminated', '"tab\there"', '[1 2]', 'tru', 'nul', '1 2', '"\\u12"', '{"a" 1}', '/* c */ 1', '\u00a01'];
var errs = bad.map(function (s) {
  try { JSON.parse(s); return 'parsed:' + s; } catch (e) { return e.name === 'SyntaxError' ? 'S' : e.name; }
});
print(errs.join(''));  // expect: SSSSSSSSSSSSSSSSSSSSSSSSSS
print(JSON.parse(' "x" '), JSON.parse('[]').length, JSON.parse(1), JSON.parse(true), JSON.parse(null), JSON.parse(new String('"boxed"')));
// expect: x 0 1 true null boxed
try { JSON.parse(undefined); } catch (e) { print(e.name); }  // expect: SyntaxError
try { JSON.parse({}); } catch (e) { print(e.name); }  // expect: SyntaxError
// Large and deeply nested documents.
var big = JSON.parse(JSON.stringify(Array.from({ length: 5000 }, function (_, i) { return { id: i, name: 'n' + i, tags: ['t' + (i % 7)] }; })));
print(big.length, big[4999].name, big[1234].tags[0]);  // expect: 5000 n4999 t2
var deepText = '';
for (var i = 0; i < 500; i++) deepText += '[';
deepText += '0';
for (var j = 0; j < 500; j++) deepText += ']';
var deep = JSON.parse(deepText);
var depth = 0;
while (Array.isArray(deep)) { deep = deep[0]; depth++; }
print(depth, deep);  // expect: 500 0
