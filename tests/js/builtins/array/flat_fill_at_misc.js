// flat, flatMap, fill, at, reverse, concat, join, keys/values/entries, isArray, of, from.
var nested = [1, [2, [3, [4, [5]]]], , 6];
print(JSON.stringify(nested.flat()), JSON.stringify(nested.flat(2)), JSON.stringify(nested.flat(Infinity)), nested.flat(0).length);
// expect: [1,2,[3,[4,[5]]],6] [1,2,3,[4,[5]],6] [1,2,3,4,5,6] 3
print(JSON.stringify([[1, 2], [3]].flatMap(function (x) { return x; })), JSON.stringify([1, 2].flatMap(function (x) { return [x, [x * 10]]; })));
// expect: [1,2,3] [1,[10],2,[20]]
print(JSON.stringify(['a b', 'c'].flatMap(function (s) { return s.split(' '); })));
// expect: ["a","b","c"]
print(JSON.stringify(new Array(3).fill('z')), JSON.stringify([1, 2, 3, 4].fill(0, 1, 3)), JSON.stringify([1, 2, 3].fill(9, -1)), JSON.stringify([1, 2].fill(5, 5)));
// expect: ["z","z","z"] [1,0,0,4] [1,2,9] [1,2]
var shared = new Array(2).fill({});
shared[0].x = 1;
print(shared[1].x);  // expect: 1
print([1, 2, 3].at(0), [1, 2, 3].at(-1), [1, 2, 3].at(3), [1, 2, 3].at(-4), [1, 2, 3].at(1.7), [1, 2, 3].at('-2'));
// expect: 1 3 undefined undefined 2 2
var r = [1, 2, 3, 4];
print(r.reverse() === r, r.join(), [].reverse().length, [1].reverse().join());
// expect: true 4,3,2,1 0 1
print([1].concat([2, 3], 4, [[5]]).length, JSON.stringify([1].concat([2, [3]])), [].concat().length);
// expect: 5 [1,2,[3]] 0
print([1, 2, 3].join(), [1, 2, 3].join(''), [1, 2, 3].join(undefined), [null, undefined, NaN].join('-'), [[1, 2], [3]].join(';'));
// expect: 1,2,3 123 1,2,3 --NaN 1,2;3
print(JSON.stringify([...['a', 'b'].keys()]), JSON.stringify([...['a', 'b'].values()]), JSON.stringify([...['a', 'b'].entries()]));
// expect: [0,1] ["a","b"] [[0,"a"],[1,"b"]]
print(Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray(Array.prototype), Array.isArray('[]'), Array.isArray(new Array(2)));
// expect: true false true false true
print(JSON.stringify(Array.of()), JSON.stringify(Array.of(7)), JSON.stringify(Array.of(1, 'b', null)));
// expect: [] [7] [1,"b",null]
print(JSON.stringify(Array.from('abc')), JSON.stringify(Array.from([1, 2], function (x, i) { return x + i; })), JSON.stringify(Array.from({ length: 3 }, function (_, i) { return i; })));
// expect: ["a","b","c"] [1,3] [0,1,2]
print(JSON.stringify(Array.from(new Map([[1, 2]]))), Array.from([1, , 3]).length, 1 in Array.from([1, , 3]));
// expect: [[1,2]] 3 true
print(Array.prototype.toString.call([1, [2, 3]]), String([]), [] + 'x', Array.prototype.concat.length);
// expect: 1,2,3  x 1
// Array.prototype.join on cyclic arrays prints the cycle as empty.
var cyc = [1, 2];
cyc.push(cyc);
print(cyc.join('-'), String([cyc]));  // expect: 1-2- 1,2,
