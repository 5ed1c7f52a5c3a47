// forEach, map, filter, reduce, reduceRight, some, every, find, findIndex, findLast,
// findLastIndex, flat, flatMap: arguments, thisArg, holes, and arrays changed by the callback.
function fmt(v) {
  if (typeof v === 'string') return '"' + v + '"';
  if (Array.isArray(v)) return show(v);
  return String(v);
}
function show(a) {
  var parts = [];
  for (var i = 0; i < a.length; i++) parts.push(i in a ? fmt(a[i]) : '_');
  return '[' + parts.join(',') + ']';
}
function err(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name + ': ' + (e instanceof TypeError); }
}

var log = [];
[10, , 30].forEach(function (v, i, arr) { log.push(v + '@' + i + (arr.length === 3 ? '' : '!') + this.s); }, { s: '#' });
print(log.join(' ')); // expect: 10@0# 30@2#
print([1, 2].forEach(function () {}), err(() => [1].forEach()), err(() => [1].map(1))); // expect: undefined TypeError: true TypeError: true

// map keeps holes and length; filter compacts
print(show([1, , 3].map((x) => x * 2)), [1, , 3].map((x) => x).length, show([].map((x) => x))); // expect: [2,_,6] 3 []
print(show([1, 2, 3, 4, 5].filter((x, i) => x % 2 && i < 4)), show([, 0, , false].filter(() => true))); // expect: [1,3] [0,false]
print(show(['a', 'b'].map(function (x) { return this.p + x; }, { p: '>' }))); // expect: [">a",">b"]

// reduce / reduceRight
print([1, 2, 3, 4].reduce((a, b) => a + b), [1, 2, 3, 4].reduce((a, b) => a + b, 10)); // expect: 10 20
print(['a', 'b', 'c'].reduceRight((a, b) => a + b), ['a', 'b', 'c'].reduceRight((a, b) => a + b, '>')); // expect: cba >cba
print([, , 5, , ].reduce((a, b) => a + b), [7].reduce(() => 'never'), [].reduce((a, b) => a, 'init')); // expect: 5 7 init
print(err(() => [].reduce((a, b) => a)), err(() => [, , ].reduceRight((a, b) => a))); // expect: TypeError: true TypeError: true
var idx = [];
['x', 'y', 'z'].reduce(function (acc, v, i, arr) { idx.push(i + ':' + acc + (arr.length)); return acc + v; });
print(idx.join(' ')); // expect: 1:x3 2:xy3

// some / every
print([1, 2, 3].some((x) => x > 2), [1, 2, 3].some((x) => x > 3), [].some(() => true)); // expect: true false false
print([1, 2, 3].every((x) => x > 0), [1, 2, 3].every((x) => x > 1), [].every(() => false)); // expect: true false true
var visits = 0;
[1, , , 4].every(() => { visits++; return true; });
print(visits); // expect: 2

// find family visits holes (as undefined)
var seen = [];
print([5, , 12, 8].find((x, i) => { seen.push(i); return x > 6; }), seen.join(',')); // expect: 12 0,1,2
print([5, 12, 8].findIndex((x) => x > 6), [5, 12, 8].findIndex((x) => x > 60), [5, 12, 8].find((x) => x > 60)); // expect: 1 -1 undefined
print([5, 12, 8, 1].findLast((x) => x > 6), [5, 12, 8, 1].findLastIndex((x) => x > 6), [].findLastIndex(() => true)); // expect: 8 2 -1
print([, 1].findIndex((x) => x === undefined), [1, , 2].findLast((x) => x === undefined)); // expect: 0 undefined

// the length is read once; the callback sees later changes to elements
var grow = [1, 2, 3];
var out = grow.map(function (x, i) { if (i === 0) { grow.push(99); grow[2] = 30; } return x; });
print(show(out), grow.length); // expect: [1,2,30] 4
var shrink = [1, 2, 3, 4];
var s2 = [];
shrink.forEach(function (x) { s2.push(x); shrink.pop(); });
print(s2.join(','), shrink.length); // expect: 1,2 2
var del = [1, 2, 3];
print(show(del.filter(function (x, i) { if (i === 0) delete del[1]; return true; }))); // expect: [1,3]

// generic receivers
var like = { length: 3, 0: 'a', 2: 'c' };
print(show(Array.prototype.map.call(like, (x) => x + x)), Array.prototype.every.call(like, (x) => typeof x === 'string')); // expect: ["aa",_,"cc"] true
print(Array.prototype.reduce.call('abc', (a, b) => b + a)); // expect: cba

// flat / flatMap
print(show([1, [2, [3, [4]]]].flat()), show([1, [2, [3, [4]]]].flat(2)), show([1, [2, [3, [4]]]].flat(Infinity))); // expect: [1,2,[3,[4]]] [1,2,3,[4]] [1,2,3,4]
print(show([1, , [2, , 3]].flat()), show([[1], [2]].flat(0)), show([[1], [2]].flat(-1)), show([].flat())); // expect: [1,2,3] [[1],[2]] [[1],[2]] []
print(show([1, 2, 3].flatMap((x) => [x, x * 10])), show([1, 2].flatMap((x) => [[x]])), show(['a'].flatMap((x) => x))); // expect: [1,10,2,20,3,30] [[1],[2]] ["a"]
print(err(() => [1].flatMap()), show([3].flatMap(function (x) { return [this.k, x]; }, { k: 'k' }))); // expect: TypeError: true ["k",3]
var deep = [0];
for (var d = 0; d < 1000; d++) deep = [deep];
print(deep.flat(Infinity).length, show(deep.flat(998)[0])); // expect: 1 [[0]]

// a big array through the fast paths
var big = [];
for (var i = 0; i < 50000; i++) big.push(i);
var sum = 0;
big.forEach((x) => { sum += x; });
print(sum, big.map((x) => x * 2)[49999], big.filter((x) => x % 7 === 0).length, big.reduce((a, b) => a + b, 0)); // expect: 1249975000 99998 7143 1249975000
