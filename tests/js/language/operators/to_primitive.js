// ToPrimitive: hint "number" tries valueOf then toString; hint "string" the reverse; "default"
// (+, ==) behaves like "number" for ordinary objects. Non-primitive results are skipped.
var log = [];
var o = {
  valueOf() { log.push('valueOf'); return 1; },
  toString() { log.push('toString'); return 'two'; },
};
function run(label, f) { log = []; var r = f(); print(label, r, log.join(',')); }
// expect: plus 1 valueOf
// expect: minus 1 valueOf
// expect: loose true valueOf
// expect: less true valueOf
// expect: String two toString
// expect: template two toString
// expect: key two toString
// expect: join two toString
// expect: Number 1 valueOf
run('plus', function () { return o + ''; });
run('minus', function () { return o - 0; });
run('loose', function () { return o == 1; });
run('less', function () { return o < 2; });
run('String', function () { return String(o); });
run('template', function () { return `${o}`; });
run('key', function () { var t = {}; t[o] = 1; return Object.keys(t)[0]; });
run('join', function () { return [o].join(); });
run('Number', function () { return Number(o); });
// valueOf returning an object falls back to toString.
var fallback = { valueOf() { return {}; }, toString() { return '7'; } };
print(fallback * 2, fallback + 1);  // expect: 14 71
// toString returning an object falls back to valueOf for hint string.
var fallback2 = { toString() { return []; }, valueOf() { return 'v'; } };
print(String(fallback2), `${fallback2}`);  // expect: v v
// Both returning objects is a TypeError.
var bad = { valueOf() { return {}; }, toString() { return {}; } };
try { bad + 1; } catch (e) { print(e.name); }  // expect: TypeError
try { String(bad); } catch (e) { print(e.name); }  // expect: TypeError
// Object.create(null) has neither method.
try { Object.create(null) + ''; } catch (e) { print(e.name); }  // expect: TypeError
// Arrays and functions use Object.prototype.valueOf (returns the object), then toString.
print([1, [2, 3]] * 1, [4] * 2, [] * 3, String([null, undefined, 1]));  // expect: NaN 8 0 ,,1
var fn = function () {};
fn.toString = function () { return '3'; };
print(fn * 2);  // expect: 6
// Wrapper objects unwrap.
print(new Number(5) + 1, new String('a') + 1, new Boolean(false) ? 'obj truthy' : 'falsy');
// expect: 6 a1 obj truthy
// A thrown valueOf propagates.
var thrower = { valueOf() { throw new RangeError('no'); } };
try { thrower * 1; } catch (e) { print(e.name, e.message); }  // expect: RangeError no
