// -0 must survive compiled arithmetic: products, divisions, Math functions, and conversions.
function mul(a, b) { return a * b; }
function isNegZero(x) { return x === 0 && 1 / x === -Infinity; }
for (var i = 0; i < 5000; i++) mul(i, 2);
print(isNegZero(mul(-1, 0)), isNegZero(mul(0, -5)), isNegZero(mul(-0, -1)), isNegZero(mul(3, 0)));
// expect: true true false false
function round(x) { return Math.round(x); }
function floor(x) { return Math.floor(x); }
function ceil(x) { return Math.ceil(x); }
for (var j = 0; j < 5000; j++) { round(j / 3); floor(j / 3); ceil(j / 3); }
print(isNegZero(round(-0.4)), isNegZero(round(-0.5)), round(-0.6), isNegZero(floor(-0)), isNegZero(ceil(-0.5)), ceil(-1.5));
// expect: true true -1 true true -1
function modulo(a, b) { return a % b; }
for (var k = 0; k < 5000; k++) modulo(k, 7);
print(isNegZero(modulo(-7, 7)), modulo(-8, 7), isNegZero(modulo(-0, 3)), modulo(5.5, 2));
// expect: true -1 true 1.5
function sub(a, b) { return a - b; }
for (var m = 0; m < 5000; m++) sub(m, 1);
print(isNegZero(sub(-0, 0)), isNegZero(sub(0, 0)), isNegZero(sub(-0, -0)));
// expect: true false false
function toInt(x) { return x | 0; }
print(isNegZero(toInt(-0)), isNegZero(-0 >> 0), isNegZero(Math.trunc(-0.9)));
// expect: false false true
function minMax(a, b) { return [Math.min(a, b), Math.max(a, b)]; }
for (var n = 0; n < 3000; n++) minMax(n, n + 1);
var mm = minMax(0, -0);
print(isNegZero(mm[0]), isNegZero(mm[1]));  // expect: true false
