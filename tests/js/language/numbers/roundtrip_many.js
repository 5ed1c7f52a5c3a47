// Number -> string -> number round-trips exactly for many doubles of all magnitudes, and
// String agrees with the shortest representation that round-trips (checked via toPrecision).
var seed = 12345;
function next() { seed = (seed * 16807) % 2147483647; return seed; }
var failures = 0, checked = 0, lengths = 0;
for (var i = 0; i < 3000; i++) {
  var mant = next() / 2147483647 + next() / 2147483647 / 2147483647;
  var exp = (next() % 620) - 310;
  var x = mant * Math.pow(10, exp);
  if (next() % 2) x = -x;
  if (!isFinite(x)) continue;
  checked++;
  var s = String(x);
  if (Number(s) !== x || parseFloat(s) !== x) failures++;
  var m = s.replace('-', '').split('e')[0].replace('.', '');
  var z = 0, t = m.length;
  while (m[z] === '0') z++;
  while (t > z && m[t - 1] === '0') t--;
  var digits = t - z;
  lengths += digits;
  var shorter = Number(x.toPrecision(Math.max(1, digits - 1)));
  if (digits > 1 && shorter === x) failures++;
}
print(checked > 2900, failures, lengths > checked * 10);  // expect: true 0 true
var samples = [1 / 7, 2 / 3, 1e-300 / 3, 123456.789e10, 5e-324 * 3, Math.PI * 1e100, 0.1 * 3];
print(samples.map(String).join(' '));
// expect: 0.14285714285714285 0.6666666666666666 3.3333333333333334e-301 1234567890000000 1.5e-323 3.141592653589793e+100 0.30000000000000004
print(samples.every(function (x) { return Number(String(x)) === x; }));  // expect: true
