// Matrix multiplication, determinant (Gaussian elimination with pivoting), inverse, and
// identity checks on doubles, printed with fixed precision.
function mul(a, b) {
  return a.map(function (row) { return b[0].map(function (_, j) { return row.reduce(function (s, v, k) { return s + v * b[k][j]; }, 0); }); });
}
function det(m) {
  var a = m.map(function (r) { return r.slice(); }), n = a.length, d = 1;
  for (var c = 0; c < n; c++) {
    var p = c;
    for (var r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (a[p][c] === 0) return 0;
    if (p !== c) { var t = a[p]; a[p] = a[c]; a[c] = t; d = -d; }
    d *= a[c][c];
    for (var r2 = c + 1; r2 < n; r2++) { var f = a[r2][c] / a[c][c]; for (var k = c; k < n; k++) a[r2][k] -= f * a[c][k]; }
  }
  return d;
}
function inverse(m) {
  var n = m.length, a = m.map(function (r, i) { return r.concat(m.map(function (_, j) { return i === j ? 1 : 0; })); });
  for (var c = 0; c < n; c++) {
    var p = c;
    for (var r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    var t = a[p]; a[p] = a[c]; a[c] = t;
    var piv = a[c][c];
    for (var k = 0; k < 2 * n; k++) a[c][k] /= piv;
    for (var r2 = 0; r2 < n; r2++) if (r2 !== c) { var f = a[r2][c]; for (var k2 = 0; k2 < 2 * n; k2++) a[r2][k2] -= f * a[c][k2]; }
  }
  return a.map(function (r) { return r.slice(n); });
}
function fmt(m) { return m.map(function (r) { return r.map(function (v) { return (Math.abs(v) < 5e-10 ? 0 : v).toFixed(4); }).join(' '); }).join(' / '); }
var A = [[2, 1, 1], [1, 3, 2], [1, 0, 0]];
var B = [[4, -1], [0, 2], [1, 1]];
print(fmt(mul(A, B)));  // expect: 9.0000 1.0000 / 6.0000 7.0000 / 4.0000 -1.0000
print(det(A), det([[1, 2], [2, 4]]), det([[0, 1], [1, 0]]), det([[3]]));
// expect: -0.9999999999999998 0 -1 3
print(fmt(inverse(A)));
// expect: 0.0000 0.0000 1.0000 / -2.0000 1.0000 3.0000 / 3.0000 -1.0000 -5.0000
print(fmt(mul(A, inverse(A))));
// expect: 1.0000 0.0000 0.0000 / 0.0000 1.0000 0.0000 / 0.0000 0.0000 1.0000
var H = [];
for (var i = 0; i < 5; i++) { H.push([]); for (var j = 0; j < 5; j++) H[i].push(1 / (i + j + 1)); }
print(det(H) > 0 && det(H) < 1e-10, fmt(mul(H, inverse(H))).split(' / ')[2]);
// expect: true 0.0000 0.0000 1.0000 0.0000 0.0000
