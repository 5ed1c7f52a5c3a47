// Conway's game of life on a small torus: a glider travels, a blinker oscillates.
function step(grid) {
  var h = grid.length, w = grid[0].length, next = [];
  for (var y = 0; y < h; y++) {
    var row = [];
    for (var x = 0; x < w; x++) {
      var n = 0;
      for (var dy = -1; dy <= 1; dy++) for (var dx = -1; dx <= 1; dx++) {
        if (dx || dy) n += grid[(y + dy + h) % h][(x + dx + w) % w];
      }
      row.push(n === 3 || (n === 2 && grid[y][x]) ? 1 : 0);
    }
    next.push(row);
  }
  return next;
}
function show(g) { return g.map(function (r) { return r.map(function (c) { return c ? '#' : '.'; }).join(''); }).join('\n'); }
var g = [];
for (var i = 0; i < 8; i++) g.push([0, 0, 0, 0, 0, 0, 0, 0]);
g[0][1] = 1; g[1][2] = 1; g[2][0] = 1; g[2][1] = 1; g[2][2] = 1;
g[5][5] = g[5][6] = g[5][7] = 1;
for (var s = 0; s < 4; s++) g = step(g);
print(show(g));
// expect: ........
// expect: ..#.....
// expect: ...#....
// expect: .###....
// expect: ........
// expect: .....###
// expect: ........
// expect: ........
var alive = 0;
for (var t = 0; t < 40; t++) g = step(g);
g.forEach(function (r) { r.forEach(function (c) { alive += c; }); });
print(alive);  // expect: 0
