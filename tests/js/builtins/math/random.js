// Math.random: doubles in [0, 1), varied, never exactly equal in a long run.
var min = 1, max = 0, sum = 0, n = 10000, distinct = {};
var outOfRange = 0;
for (var i = 0; i < n; i++) {
  var x = Math.random();
  if (x < 0 || x >= 1) outOfRange++;
  if (x < min) min = x;
  if (x > max) max = x;
  sum += x;
  distinct[x] = true;
}
print(outOfRange, min < 0.01, max > 0.99, Math.abs(sum / n - 0.5) < 0.05, Object.keys(distinct).length > 9990);
// expect: 0 true true true true
var buckets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
for (var j = 0; j < 10000; j++) buckets[Math.floor(Math.random() * 10)]++;
print(buckets.every(function (b) { return b > 800 && b < 1200; }));  // expect: true
print(typeof Math.random(), Math.random.length, Math.random() !== Math.random());
// expect: number 0 true
