// JSON.parse nests without recursion (an explicit stack): 100,000 levels parse. JSON.stringify
// of a structure deeper than the C stack allows throws a RangeError instead of crashing.
// Allocation-heavy (every level is live at once): slow under --gc-stress.
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
var tooDeep = [];
for (var i = 0, cur = tooDeep; i < 200000; i++) { var next = []; cur.push(next); cur = next; }
try { JSON.stringify(tooDeep); print('no error'); } catch (e) { print(e.name); }  // expect: RangeError
