// Dynamic programming: longest common subsequence, edit distance, knapsack, coin change.
function lcs(a, b) {
  var dp = [];
  for (var i = 0; i <= a.length; i++) { dp.push(new Array(b.length + 1).fill(0)); }
  for (var i2 = 1; i2 <= a.length; i2++) for (var j = 1; j <= b.length; j++)
    dp[i2][j] = a[i2 - 1] === b[j - 1] ? dp[i2 - 1][j - 1] + 1 : Math.max(dp[i2 - 1][j], dp[i2][j - 1]);
  var out = '', x = a.length, y = b.length;
  while (x > 0 && y > 0) {
    if (a[x - 1] === b[y - 1]) { out = a[x - 1] + out; x--; y--; } else if (dp[x - 1][y] >= dp[x][y - 1]) x--; else y--;
  }
  return out;
}
function edit(a, b) {
  var prev = [];
  for (var j = 0; j <= b.length; j++) prev.push(j);
  for (var i = 1; i <= a.length; i++) {
    var cur = [i];
    for (var k = 1; k <= b.length; k++) cur.push(Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}
function knapsack(items, cap) {
  var best = new Array(cap + 1).fill(0);
  items.forEach(function (it) { for (var c = cap; c >= it.w; c--) best[c] = Math.max(best[c], best[c - it.w] + it.v); });
  return best[cap];
}
function coinWays(coins, amount) {
  var ways = new Array(amount + 1).fill(0);
  ways[0] = 1;
  coins.forEach(function (c) { for (var a = c; a <= amount; a++) ways[a] += ways[a - c]; });
  return ways[amount];
}
print(lcs('AGGTAB', 'GXTXAYB'), lcs('the quick brown fox', 'a quick brown dog'), lcs('', 'abc') === '');
// expect: GTAB  quick brown o true
print(edit('kitten', 'sitting'), edit('flaw', 'lawn'), edit('', 'abc'), edit('same', 'same'));
// expect: 3 2 3 0
print(knapsack([{ w: 1, v: 1 }, { w: 3, v: 4 }, { w: 4, v: 5 }, { w: 5, v: 7 }], 7), knapsack([], 10));
// expect: 9 0
print(coinWays([1, 2, 5], 5), coinWays([2, 5, 3, 6], 10), coinWays([1, 5, 10, 25, 50], 300));
// expect: 4 5 9590
