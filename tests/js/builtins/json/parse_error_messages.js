// engine-only: Strata uses V8's classic JSON.parse messages; node 20 words them differently
// JSON.parse syntax errors name the unexpected token and its position.
function msg(text) {
  try { JSON.parse(text); return 'parsed'; } catch (e) { return e.name + ': ' + e.message; }
}
print(msg('{"a":1,}'));  // expect: SyntaxError: Unexpected token } in JSON at position 7
print(msg('[1,2'));  // expect: SyntaxError: Unexpected end of JSON input
print(msg(''));  // expect: SyntaxError: Unexpected end of JSON input
print(msg('{"a" "b"}'));  // expect: SyntaxError: Unexpected string in JSON at position 5
print(msg('[1 2]'));  // expect: SyntaxError: Unexpected number in JSON at position 3
print(msg('01'));  // expect: SyntaxError: Unexpected number in JSON at position 1
print(msg('tru'));  // expect: SyntaxError: Unexpected end of JSON input
print(msg('trux'));  // expect: SyntaxError: Unexpected token x in JSON at position 3
print(msg('{a:1}'));  // expect: SyntaxError: Unexpected token a in JSON at position 1
print(msg('"\\q"'));  // expect: SyntaxError: Unexpected token q in JSON at position 2
print(msg('[1]x'));  // expect: SyntaxError: Unexpected token x in JSON at position 3
print(msg('[\u00e9]'));  // expect: SyntaxError: Unexpected token é in JSON at position 1
