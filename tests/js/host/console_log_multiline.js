// console.log breaks objects and arrays that do not fit in 72 columns over several lines, and
// groups long arrays of short items into aligned columns (node's util.inspect defaults).
console.log({ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd', epsilon: 1 });
// expect: {
// expect:   alpha: 'aaaaaaaaaa',
// expect:   beta: 'bbbbbbbbbb',
// expect:   gamma: 'cccccccccc',
// expect:   delta: 'dddddddddd',
// expect:   epsilon: 1
// expect: }
console.log({ short: 1, nested: { deeper: { key1: 'value number one', key2: 'value number two', key3: 3 } } });
// expect: {
// expect:   short: 1,
// expect:   nested: {
// expect:     deeper: { key1: 'value number one', key2: 'value number two', key3: 3 }
// expect:   }
// expect: }
console.log(Array.from({ length: 30 }, function (_, i) { return i; }));
// expect: [
// expect:    0,  1,  2,  3,  4,  5,  6,  7,  8,
// expect:    9, 10, 11, 12, 13, 14, 15, 16, 17,
// expect:   18, 19, 20, 21, 22, 23, 24, 25, 26,
// expect:   27, 28, 29
// expect: ]
console.log(Array.from({ length: 8 }, function (_, i) { return 'item' + i; }));
// expect: [
// expect:   'item0', 'item1',
// expect:   'item2', 'item3',
// expect:   'item4', 'item5',
// expect:   'item6', 'item7'
// expect: ]
console.log(Array.from({ length: 120 }, function (_, i) { return i; }));
// expect: [
// expect:    0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,
// expect:   12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
// expect:   24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,
// expect:   36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
// expect:   48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,
// expect:   60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,
// expect:   72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,
// expect:   84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
// expect:   96, 97, 98, 99,
// expect:   ... 20 more items
// expect: ]
