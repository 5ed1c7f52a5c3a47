// Array literals: nesting, spread, holes, expressions, and identity.
var x = 5;
var arr = [x, x * 2, 'str', [x], { v: x }, function () { return x; }, null, undefined];
print(arr.length, arr[1], arr[3][0], arr[4].v, arr[5](), arr[6], arr[7]);
// expect: 8 10 5 5 5 null undefined
print([] === [], [].length, [[]].length, [[], []].length, [[[]]][0][0].length);
// expect: false 0 1 2 0
var matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
var transposed = matrix[0].map(function (_, c) { return matrix.map(function (row) { return row[c]; }); });
print(JSON.stringify(transposed));  // expect: [[1,4,7],[2,5,8],[3,6,9]]
var diag = 0;
for (var i = 0; i < 3; i++) diag += matrix[i][i];
print(diag);  // expect: 15
// Building a 2D grid and mutating it.
var grid = [];
for (var r = 0; r < 4; r++) { grid.push([]); for (var c = 0; c < 4; c++) grid[r].push(r * 4 + c); }
grid[2][3] = 'X';
print(grid.map(function (row) { return row.join(' '); }).join(' | '));
// expect: 0 1 2 3 | 4 5 6 7 | 8 9 10 X | 12 13 14 15
// Shared rows: the same array referenced twice.
var row = [0, 0];
var shared = [row, row];
shared[0][0] = 1;
print(JSON.stringify(shared));  // expect: [[1,0],[1,0]]
// Array.of vs Array constructor.
print(JSON.stringify(Array.of(3)), JSON.stringify(new Array(3)), JSON.stringify(Array.of(1, 2)), JSON.stringify(Array(1, 2)));
// expect: [3] [null,null,null] [1,2] [1,2]
// String conversion of nested arrays flattens; null/undefined become empty.
print(String([1, [2, [3, [4]]]]), String([null, undefined, [null]]), [1, 2] + '', [[]] + '' === '');
// expect: 1,2,3,4 ,, 1,2 true
// Indexing with expressions.
var idx = 1;
print(matrix[idx + 1][idx - 1], matrix[matrix.length - 1][matrix[0].length - 1], matrix['1']['1']);
// expect: 7 9 5
// Array identity after mutation methods.
var m = [3, 1, 2];
print(m.sort() === m, m.reverse() === m, m.fill(0) === m, m.concat() === m);
// expect: true true true false
