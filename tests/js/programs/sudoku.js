// A backtracking sudoku solver on a puzzle with a unique solution.
var puzzle = '530070000600195000098000060800060003400803001700020006060000280000419005000080079';
function solve(s) {
  var g = s.split('').map(Number);
  function ok(i, v) {
    var r = Math.floor(i / 9), c = i % 9, br = r - r % 3, bc = c - c % 3;
    for (var k = 0; k < 9; k++) {
      if (g[r * 9 + k] === v || g[k * 9 + c] === v) return false;
      if (g[(br + Math.floor(k / 3)) * 9 + bc + k % 3] === v) return false;
    }
    return true;
  }
  var steps = 0;
  function go(i) {
    while (i < 81 && g[i]) i++;
    if (i === 81) return true;
    for (var v = 1; v <= 9; v++) {
      if (ok(i, v)) { g[i] = v; steps++; if (go(i + 1)) return true; g[i] = 0; }
    }
    return false;
  }
  var solved = go(0);
  return { solved: solved, grid: g.join(''), steps: steps };
}
var r = solve(puzzle);
print(r.solved, r.steps);  // expect: true 4208
for (var row = 0; row < 9; row++) print(r.grid.slice(row * 9, row * 9 + 9));
// expect: 534678912
// expect: 672195348
// expect: 198342567
// expect: 859761423
// expect: 426853791
// expect: 713924856
// expect: 961537284
// expect: 287419635
// expect: 345286179
