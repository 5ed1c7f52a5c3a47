// && || ! return operands and short-circuit; ?? only falls through on null and undefined.
print(1 && 2, 0 && 2, '' && 'x', 'a' && '', null && undefined);  // expect: 2 0   null
print(1 || 2, 0 || 2, '' || 'x', null || undefined, NaN || 0);  // expect: 1 2 x undefined 0
print(!0, !1, !'', !'0', !null, !{}, ![], !!NaN, !!-1);
// expect: true false true false true false false false true
print(0 ?? 'd', '' ?? 'd', false ?? 'd', NaN ?? 'd', null ?? 'd', undefined ?? 'd');
// expect: 0  false NaN d d
print(null ?? undefined ?? 'last', (null || 0) ?? 'x', (null ?? 0) || 'y');  // expect: last 0 y
var calls = [];
function t(v) { calls.push(v); return v; }
t(false) && t('skipped');
t(true) || t('skipped');
t(0) ?? t('skipped');
t(null) ?? t('used');
print(calls.join(','));  // expect: false,true,0,,used
// Precedence: && binds tighter than ||.
print(true || false && false, (true || false) && false, false && true || true);
// expect: true false true
// Logical assignment only assigns when the operator would pick the right side.
var a = 0, b = 1, c = null;
a ||= 10; b ||= 20; c ??= 30;
print(a, b, c);  // expect: 10 1 30
var d = 5, e = 0;
d &&= 'set'; e &&= 'not set';
print(d, e);  // expect: set 0
var z = false;
z ??= 'kept';
print(z);  // expect: false
// A setter is not called when no assignment happens.
var log = [];
var o = { _v: 1, get v() { log.push('get'); return this._v; }, set v(x) { log.push('set'); this._v = x; } };
o.v ||= 2;
o.v &&= 3;
o.v ??= 4;
print(o._v, log.join(','));  // expect: 3 get,get,set,get
// Logical assignment on elements evaluates the key once.
var arr = [null, 0];
var i = 0;
arr[i++] ??= 'filled';
arr[i++] ||= 'also';
print(String(arr), i);  // expect: filled,also 2
// Right side evaluated only when needed: a throwing right side is harmless otherwise.
function boom() { throw new Error('evaluated'); }
var keep = 1;
keep ||= boom();
keep ??= boom();
print(keep);  // expect: 1
try { keep &&= boom(); } catch (err) { print(err.message); }  // expect: evaluated
