// Calendar arithmetic with integers only (no Date): leap years, day of week (Zeller), days
// between dates, and a printed month grid.
function isLeap(y) { return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0); }
function daysIn(y, m) { return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }
function dow(y, m, d) {
  if (m < 3) { m += 12; y -= 1; }
  var k = y % 100, j = Math.floor(y / 100);
  var h = (d + Math.floor(13 * (m + 1) / 5) + k + Math.floor(k / 4) + Math.floor(j / 4) + 5 * j) % 7;
  return (h + 6) % 7;
}
function dayNumber(y, m, d) {
  var n = d;
  for (var yy = 1; yy < y; yy++) n += isLeap(yy) ? 366 : 365;
  for (var mm = 1; mm < m; mm++) n += daysIn(y, mm);
  return n;
}
var names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
print([1900, 2000, 2023, 2024, 2100].map(isLeap).join());  // expect: false,true,false,true,false
print(names[dow(2000, 1, 1)], names[dow(1969, 7, 20)], names[dow(2024, 2, 29)], names[dow(1776, 7, 4)]);
// expect: Sat Sun Thu Thu
print(dayNumber(2024, 12, 25) - dayNumber(2024, 1, 1), dayNumber(2000, 1, 1) - dayNumber(1970, 1, 1));
// expect: 359 10957
function grid(y, m) {
  var lines = ['Su Mo Tu We Th Fr Sa'], line = '   '.repeat(dow(y, m, 1));
  for (var d = 1; d <= daysIn(y, m); d++) {
    line += String(d).padStart(2) + (dow(y, m, d) === 6 ? '' : ' ');
    if (dow(y, m, d) === 6) { lines.push(line); line = ''; }
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}
grid(2024, 2).forEach(function (l) { print(l); });
// expect: Su Mo Tu We Th Fr Sa
// expect:              1  2  3
// expect:  4  5  6  7  8  9 10
// expect: 11 12 13 14 15 16 17
// expect: 18 19 20 21 22 23 24
// expect: 25 26 27 28 29
