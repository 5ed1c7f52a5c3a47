// JSON.parse nests without recursion (an explicit stack), and JSON.stringify of a structure
// deeper than the C stack allows throws a RangeError instead of crashing; big inputs with
// repeated keys round-trip. (Allocation-heavy: slow under --gc-stress.)
var cur;
// Deep nesting: far deeper than the call stack allows for recursion.
var depth = 100000;
var deep = JSON.parse('['.repeat(depth) + ']'.repeat(depth));
var d = 0;
for (cur = deep; cur.length; cur = cur[0]) d++;
print(d);  // expect: 99999
var deepObj = JSON.parse('{"a":'.repeat(50000) + '1' + '}'.repeat(50000));
d = 0;
for (cur = deepObj; typeof cur === 'object'; cur = cur.a) d++;
print(d, cur);  // expect: 50000 1
// Many repeated keys, large arrays.
var big = '[' + Array.from({ length: 20000 }, function (_, i) { return '{"id":' + i + ',"name":"n' + i + '","tags":["x","y"]}'; }).join(',') + ']';
var parsed = JSON.parse(big);
print(parsed.length, parsed[19999].id, parsed[123].name, JSON.stringify(parsed) === big);
// expect: 20000 19999 n123 true
var tooDeep = [];
for (var i = 0, cur = tooDeep; i < 200000; i++) { var next = []; cur.push(next); cur = next; }
try { JSON.stringify(tooDeep); print('no error'); } catch (e) { print(e.name); }  // expect: RangeError
