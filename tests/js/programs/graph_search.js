// Graph algorithms on a grid maze and a weighted graph: BFS shortest path, DFS reachability,
// Dijkstra with a simple priority queue, topological sort.
var maze = [
  'S.#.......',
  '.##.####..',
  '....#.....',
  '.##...##.#',
  '...#.#...E',
];
function bfs(grid) {
  var h = grid.length, w = grid[0].length, start, end;
  for (var y = 0; y < h; y++) for (var x = 0; x < w; x++) { if (grid[y][x] === 'S') start = [x, y]; if (grid[y][x] === 'E') end = [x, y]; }
  var dist = {}, queue = [start];
  dist[start.join()] = 0;
  while (queue.length) {
    var cur = queue.shift();
    if (cur[0] === end[0] && cur[1] === end[1]) return dist[cur.join()];
    [[1, 0], [-1, 0], [0, 1], [0, -1]].forEach(function (d) {
      var nx = cur[0] + d[0], ny = cur[1] + d[1], key = nx + ',' + ny;
      if (nx >= 0 && ny >= 0 && nx < w && ny < h && grid[ny][nx] !== '#' && !(key in dist)) { dist[key] = dist[cur.join()] + 1; queue.push([nx, ny]); }
    });
  }
  return -1;
}
print(bfs(maze));  // expect: 15
var edges = { A: { B: 4, C: 2 }, B: { C: 5, D: 10 }, C: { E: 3 }, D: { F: 11 }, E: { D: 4 }, F: {} };
function dijkstra(g, src) {
  var dist = {}, done = {}, prev = {};
  Object.keys(g).forEach(function (k) { dist[k] = Infinity; });
  dist[src] = 0;
  for (;;) {
    var u = null;
    Object.keys(g).forEach(function (k) { if (!done[k] && (u === null || dist[k] < dist[u])) u = k; });
    if (u === null || dist[u] === Infinity) break;
    done[u] = true;
    Object.keys(g[u]).forEach(function (v) { if (dist[u] + g[u][v] < dist[v]) { dist[v] = dist[u] + g[u][v]; prev[v] = u; } });
  }
  var path = [], node = 'F';
  while (node) { path.unshift(node); node = prev[node]; }
  return JSON.stringify(dist) + ' ' + path.join('>');
}
print(dijkstra(edges, 'A'));  // expect: {"A":0,"B":4,"C":2,"D":9,"E":5,"F":20} A>C>E>D>F
function topo(g) {
  var seen = {}, order = [];
  function visit(n) { if (seen[n]) return; seen[n] = true; Object.keys(g[n]).forEach(visit); order.unshift(n); }
  Object.keys(g).forEach(visit);
  return order.join('');
}
print(topo(edges));  // expect: ABCEDF
