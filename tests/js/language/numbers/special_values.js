// NaN and the infinities.
print(NaN, -NaN, Infinity, -Infinity, 0 / 0, 1 / 0, -1 / 0, Infinity - Infinity);
// expect: NaN NaN Infinity -Infinity NaN Infinity -Infinity NaN
print(NaN === NaN, NaN == NaN, isNaN(NaN), Number.isNaN(NaN), [NaN].includes(NaN), [NaN].indexOf(NaN));
// expect: false false true true true -1
print(Infinity * 0, Infinity / Infinity, Infinity * -1, -Infinity * -Infinity, 1 / Infinity);
// expect: NaN NaN -Infinity Infinity 0
print(Infinity + Infinity, Infinity - 1e308, Infinity > Number.MAX_VALUE, -Infinity < -Number.MAX_VALUE);
// expect: Infinity Infinity true true
print(Number.POSITIVE_INFINITY === Infinity, Number.NEGATIVE_INFINITY === -Infinity, typeof NaN);
// expect: true true number
print(Math.max(NaN, 1), Math.min(1, NaN), Math.max(), Math.min());
// expect: NaN NaN -Infinity Infinity
print(NaN ? 't' : 'f', Infinity ? 't' : 'f', !!-Infinity);  // expect: f t true
print(String(NaN), String(-Infinity), (NaN).toString(), JSON.stringify([NaN, Infinity, -Infinity]));
// expect: NaN -Infinity NaN [null,null,null]
print(parseInt('Infinity'), parseFloat('Infinity'), parseFloat('-Infinityx'), Number('INFINITY'));
// expect: NaN Infinity -Infinity NaN
print(Number.MAX_VALUE * 2, Number.MAX_VALUE + 1 === Number.MAX_VALUE, -Number.MAX_VALUE * 2);
// expect: Infinity true -Infinity
print(Number.MIN_VALUE / 2, Number.MIN_VALUE * 0.5 === 0, Number.MIN_VALUE > 0);
// expect: 0 true true
var nan = 0 / 0;
var count = 0;
for (var i = 0; i < 3; i++) if (nan !== nan) count++;
print(count);  // expect: 3
print(isFinite(Infinity), isFinite(NaN), isFinite(1e308), isFinite('12'), Number.isFinite('12'));
// expect: false false true true false
