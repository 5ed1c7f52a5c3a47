// slice, concat, join, toString, toLocaleString, indexOf, lastIndexOf, includes, at.
function fmt(v) {
  if (typeof v === 'string') return '"' + v + '"';
  if (Array.isArray(v)) return show(v);
  if (Object.is(v, -0)) return '-0';
  return String(v);
}
function show(a) {
  var parts = [];
  for (var i = 0; i < a.length; i++) parts.push(i in a ? fmt(a[i]) : '_');
  return '[' + parts.join(',') + ']';
}

var a = [0, 1, 2, 3, 4];
print(show(a.slice()), show(a.slice(2)), show(a.slice(1, -1)), show(a.slice(-2, 10)), show(a.slice(3, 1))); // expect: [0,1,2,3,4] [2,3,4] [1,2,3] [3,4] []
print(show([1, , 3].slice(0, 3)), [1, , 3].slice(1).hasOwnProperty(0), show(a.slice(NaN, '3'))); // expect: [1,_,3] false [0,1,2]
print(show(Array.prototype.slice.call({ length: 3, 0: 'a', 2: 'c' }, 1))); // expect: [_,"c"]
print(show(Array.prototype.slice.call('abc', 1))); // expect: ["b","c"]
print((function () { return show(Array.prototype.slice.call(arguments, 1)); })(1, 2, 3)); // expect: [2,3]

// concat spreads arrays (holes kept) and nothing else
print(show([1].concat(2, [3, [4]], 'x')), show([].concat([1, , 3]))); // expect: [1,2,3,[4],"x"] [1,_,3]
print([].concat({ length: 1, 0: 'no' }).length, Array.prototype.concat.call(1, 2)[0] instanceof Number); // expect: 1 true

// join and toString
print([1, 2, 3].join(), [1, 2, 3].join(''), [1, 2, 3].join(' - '), [1, null, undefined, 2].join()); // expect: 1,2,3 123 1 - 2 - 3 1,,,2
print([[1, 2], [3]].join(';'), [].join(), [,].join(), Array(3).join('ab')); // expect: 1,2;3   abab
print(String([1, [2, [3, [4]]]]), [1.5, -0, 1e21, true, 'x'].join('|')); // expect: 1,2,3,4 1.5|0|1e+21|true|x
var cyclic = [1, 2];
cyclic.push(cyclic);
print(cyclic.join(), String([cyclic, 'end'])); // expect: 1,2, 1,2,,end
print(Array.prototype.join.call({ length: 3, 0: 'x', 2: 'z' }, '+')); // expect: x++z
print(Array.prototype.toString.call({ join: function () { return 'joined'; } })); // expect: joined
print(Array.prototype.toString.call({}), Array.prototype.toString.call({ join: 1 })); // expect: [object Object] [object Object]
print([1, 'a', { toLocaleString: function () { return 'L'; } }].toLocaleString()); // expect: 1,a,L
var obj = { toString: function () { return 'T'; } };
print([obj, obj].join()); // expect: T,T

// indexOf / lastIndexOf: strict equality, holes skipped, fromIndex
var b = [1, 2, NaN, 2, '2', -0, , undefined];
print(b.indexOf(2), b.indexOf(2, 2), b.indexOf('2'), b.indexOf(NaN), b.indexOf(0), b.indexOf(undefined)); // expect: 1 3 4 -1 5 7
print(b.indexOf(2, -5), b.indexOf(1, -100), b.indexOf(1, 100), [].indexOf(undefined)); // expect: 3 0 -1 -1
print(b.lastIndexOf(2), b.lastIndexOf(2, 2), b.lastIndexOf(2, -6), b.lastIndexOf(1, -9), b.lastIndexOf(undefined)); // expect: 3 1 1 -1 7
print([1, 2, 1].lastIndexOf(1, undefined), [1, 2, 1].lastIndexOf(1)); // expect: 0 2
print(Array.prototype.indexOf.call({ length: 2, 0: 'a', 1: 'b' }, 'b')); // expect: 1
// includes: SameValueZero, holes read as undefined
print(b.includes(NaN), b.includes(0), b.includes(-0), b.includes('2'), b.includes(3)); // expect: true true true true false
print([, ].includes(undefined), [1, , 3].includes(undefined, 2), [1, 2].includes(undefined)); // expect: true false false
print([1, 2, 3].includes(1, 1), [1, 2, 3].includes(3, -1), [1, 2, 3].includes(1, -100)); // expect: false true true
// at
print(a.at(0), a.at(-1), a.at(5), a.at(-6), a.at('1'), a.at(1.7), a.at()); // expect: 0 4 undefined undefined 1 1 0
var big = [];
for (var i = 0; i < 100000; i++) big.push(i % 1000);
print(big.indexOf(999), big.lastIndexOf(0), big.indexOf(-1), big.includes(500), big.join('').length); // expect: 999 99000 -1 true 289000
