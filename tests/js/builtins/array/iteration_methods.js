// forEach, map, filter, reduce, reduceRight, some, every: argument order, holes, thisArg,
// early exit, and mutation during iteration (the length is read once, deleted elements are
// skipped, appended ones are not visited).
var a = [1, 2, 3, 4];
var log = [];
a.forEach(function (v, i, arr) { log.push(v + '@' + i + (arr === a ? '' : '!')); });
print(log.join(' '), a.forEach(function () {}));  // expect: 1@0 2@1 3@2 4@3 undefined
print(a.map(function (v) { return v * v; }).join(), a.filter(function (v) { return v % 2 === 0; }).join());
// expect: 1,4,9,16 2,4
print(a.reduce(function (acc, v) { return acc + v; }), a.reduce(function (acc, v) { return acc + v; }, 10));
// expect: 10 20
print(a.reduce(function (acc, v, i) { return acc + i; }, ''), a.reduceRight(function (acc, v) { return acc + v; }, ''));
// expect: 0123 4321
print(a.some(function (v) { return v > 3; }), a.some(function (v) { return v > 4; }), a.every(function (v) { return v > 0; }), a.every(function (v) { return v > 1; }));
// expect: true false true false
print([].some(function () { return true; }), [].every(function () { return false; }), [].reduce(function () {}, 'init'));
// expect: false true init
try { [].reduce(function () {}); } catch (e) { print(e.name); }  // expect: TypeError
try { [, ,].reduceRight(function () {}); } catch (e) { print(e.name); }  // expect: TypeError
print([5].reduce(function () { return 'never called'; }), [, 7, ,].reduce(function (x, y) { return x + y; }));
// expect: 5 7
// Early exit: some stops at the first true, every at the first false.
var seen = [];
[1, 2, 3, 4].some(function (v) { seen.push(v); return v === 2; });
[1, 2, 3, 4].every(function (v) { seen.push(-v); return v < 3; });
print(seen.join());  // expect: 1,2,-1,-2,-3
// thisArg.
var ctx = { factor: 10 };
print([1, 2].map(function (v) { return v * this.factor; }, ctx).join());  // expect: 10,20
print([1, 2].map((v) => typeof this).join());  // expect: object,object
// Mutation during iteration.
var m = [1, 2, 3];
var visited = [];
m.forEach(function (v, i) { visited.push(v); if (i === 0) { m.push(99); m.pop(); m.pop(); } });
print(visited.join(), m.join());  // expect: 1,2 1,2
var grow = [1, 2];
var count = 0;
grow.forEach(function () { count++; grow.push(0); });
print(count, grow.length);  // expect: 2 4
var del = [1, 2, 3, 4];
var vis2 = [];
del.map(function (v, i) { vis2.push(v); if (i === 0) delete del[2]; return v; });
print(vis2.join());  // expect: 1,2,4
// Holes are skipped by these methods, and map keeps them.
var holes = [1, , 3];
var calls = 0;
var mapped = holes.map(function (v) { calls++; return v * 2; });
print(calls, mapped.length, 1 in mapped, holes.filter(function () { return true; }).length);
// expect: 2 3 false 2
// Callback must be callable.
try { [1].map(null); } catch (e) { print(e.name); }  // expect: TypeError
try { [1].forEach(); } catch (e) { print(e.name); }  // expect: TypeError
// reduce with objects: group by.
var words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry'];
var groups = words.reduce(function (acc, w) { (acc[w[0]] = acc[w[0]] || []).push(w); return acc; }, {});
print(JSON.stringify(groups));
// expect: {"a":["apple","avocado"],"b":["banana","blueberry"],"c":["cherry"]}
