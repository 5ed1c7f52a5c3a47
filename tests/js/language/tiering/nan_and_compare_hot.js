// Comparisons with NaN, mixed types and objects in hot code keep their exact semantics.
function cmp(a, b) { return [a < b, a <= b, a > b, a >= b, a == b, a === b, a != b, a !== b].map(Number).join(''); }
for (var i = 0; i < 2000; i++) cmp(i, i + 1);
print(cmp(1, 2), cmp(2, 2), cmp(NaN, NaN), cmp(NaN, 1), cmp(0, -0), cmp('a', 'b'), cmp('2', 10), cmp(null, 0), cmp(undefined, null));
// expect: 11000011 01011100 00000011 00000011 01011100 11000011 11000011 01010011 00001001
function branchy(x) { if (x > 0) return 'pos'; if (x < 0) return 'neg'; if (x === 0) return 'zero'; return 'other'; }
for (var j = 0; j < 3000; j++) branchy(j - 1500);
print(branchy(NaN), branchy(-0), branchy('5'), branchy('-5'), branchy('x'), branchy(Infinity), branchy([]));
// expect: other zero pos neg other pos other
function maxLoop(a) { var m = -Infinity; for (var k = 0; k < a.length; k++) if (a[k] > m) m = a[k]; return m; }
for (var w = 0; w < 200; w++) maxLoop([1, 5, 3]);
print(maxLoop([1, NaN, 3]), maxLoop([NaN, 1]), maxLoop(['10', 9]), maxLoop([]));
// expect: 3 1 10 -Infinity
