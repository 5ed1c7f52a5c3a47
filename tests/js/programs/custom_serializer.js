// A hand-written serializer that must agree with JSON.stringify on plain data, including
// escapes, nested arrays and objects, numbers and skipped values.
function ser(v) {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number': return isFinite(v) ? String(v) : 'null';
    case 'boolean': return String(v);
    case 'string': {
      var out = '"';
      for (var i = 0; i < v.length; i++) {
        var c = v.charCodeAt(i), ch = v[i];
        if (ch === '"' || ch === '\\') out += '\\' + ch;
        else if (ch === '\n') out += '\\n';
        else if (ch === '\t') out += '\\t';
        else if (ch === '\r') out += '\\r';
        else if (ch === '\b') out += '\\b';
        else if (ch === '\f') out += '\\f';
        else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
        else out += ch;
      }
      return out + '"';
    }
    case 'object':
      if (Array.isArray(v)) return '[' + v.map(function (x) { var s = ser(x); return s === undefined ? 'null' : s; }).join(',') + ']';
      return '{' + Object.keys(v).filter(function (k) { return ser(v[k]) !== undefined; }).map(function (k) { return ser(k) + ':' + ser(v[k]); }).join(',') + '}';
    default: return undefined;
  }
}
var cases = [0, -0, 1.5, 1e21, NaN, 'plain', 'quote " and \\ and \n\t\r\b\f and \u0001', true, null, [], {},
  [1, 'a', null, undefined, function () {}], { a: 1, b: undefined, c: [{ d: 'e' }], 2: 'two', f: function () {} },
  { nested: { deeper: { deepest: [1, [2, [3]]] } } }];
print(cases.map(function (c) { return ser(c) === JSON.stringify(c); }).join());
// expect: true,true,true,true,true,true,true,true,true,true,true,true,true,true
print(ser(cases[12]));  // expect: {"2":"two","a":1,"c":[{"d":"e"}]}
