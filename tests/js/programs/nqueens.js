// N-queens by backtracking: solution counts for n = 1..8 and the first solution for 8.
function solve(n) {
  var cols = [], count = 0, first = null;
  function safe(r, c) {
    for (var i = 0; i < r; i++) {
      if (cols[i] === c || Math.abs(cols[i] - c) === r - i) return false;
    }
    return true;
  }
  function place(r) {
    if (r === n) { count++; if (!first) first = cols.slice(); return; }
    for (var c = 0; c < n; c++) {
      if (safe(r, c)) { cols[r] = c; place(r + 1); }
    }
  }
  place(0);
  return { count: count, first: first };
}
var counts = [];
for (var n = 1; n <= 8; n++) counts.push(solve(n).count);
print(counts.join(','));  // expect: 1,0,0,2,10,4,40,92
print(solve(8).first.join(''));  // expect: 04752613
