// max, min (NaN poisons, -0 < +0), hypot (Infinity beats NaN), with coercion and no arguments.
function show(x) { return x === 0 && 1 / x < 0 ? '-0' : String(x); }
print(Math.max(), Math.min(), Math.max(1, 2, 3), Math.min(1, 2, 3), Math.max(-1, -2), Math.min('5', '10'));
// expect: -Infinity Infinity 3 1 -1 5
print(Math.max(1, NaN, 3), Math.min(NaN, 1), Math.max(NaN), Math.max(undefined), Math.max(null, -1), Math.max([2], [1]));
// expect: NaN NaN NaN NaN 0 2
print(show(Math.max(-0, 0)), show(Math.max(0, -0)), show(Math.min(0, -0)), show(Math.min(-0, 0)), show(Math.max(-0, -0)));
// expect: 0 0 -0 -0 -0
print(Math.max(Infinity, 1), Math.min(-Infinity, 1), Math.max(-Infinity), Math.min(Infinity));
// expect: Infinity -Infinity -Infinity Infinity
var log = [];
var a = { valueOf() { log.push('a'); return 1; } };
var b = { valueOf() { log.push('b'); return NaN; } };
var c = { valueOf() { log.push('c'); return 3; } };
print(Math.max(a, b, c), log.join());  // expect: NaN a,b,c
print(Math.hypot(), Math.hypot(3, 4), Math.hypot(3, 4, 12), Math.hypot(-3), Math.hypot(NaN, Infinity), Math.hypot(NaN, 1), Math.hypot(-Infinity, NaN));
// expect: 0 5 13 3 Infinity NaN Infinity
print((Math.hypot(1e200, 1e200) / 1e200).toFixed(12), Math.hypot(1e-200, 1e-200) > 0, show(Math.hypot(-0)), show(Math.hypot(-0, -0)), Math.hypot('3', [4]));
// expect: 1.414213562373 true 0 0 5
var many = [];
for (var i = 0; i < 1000; i++) many.push(i % 100);
print(Math.max.apply(null, many), Math.min.apply(null, many), Math.max(...many));
// expect: 99 0 99
print(Math.max.length, Math.min.length, Math.hypot.length);  // expect: 2 2 2
