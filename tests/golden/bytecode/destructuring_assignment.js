// assignment patterns: targets may be members, nested patterns and defaults
var a, b, o = {};
[a, b] = [b, a];
({ a, b: o.b, c: o['c'] = 1 } = source);
[o.x, ...o.rest] = list;
({ a: [b, { c }] } = deep);
[(a), (o.y)] = pair;
result = [a = 1, b] = values;
for ([k, v] of entries) {}
for ({ key } in map) {}
