// Deeply nested data built at run time (not in the source): walking it iteratively works, and
// the library functions that recurse over it (JSON.stringify, Array.prototype.join/toString)
// throw a catchable RangeError instead of overflowing the C stack.
var deep = [];
for (var i = 0, cur = deep; i < 100000; i++) { var next = []; cur.push(next); cur = next; }
var d = 0;
for (cur = deep; cur.length; cur = cur[0]) d++;
print(d);  // expect: 100000
try { JSON.stringify(deep); print('no error'); } catch (e) { print(e.name); }  // expect: RangeError
try { String(deep); print('no error'); } catch (e) { print(e.name); }  // expect: RangeError
var chain = null;
for (i = 0; i < 100000; i++) chain = { next: chain };
try { JSON.stringify(chain); print('no error'); } catch (e) { print(e.name); }  // expect: RangeError
print(JSON.stringify({ a: [1, { b: 2 }] }));  // expect: {"a":[1,{"b":2}]}
