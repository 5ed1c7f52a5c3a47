// Default parameter values: evaluated at call time, only for undefined, left to right, in a
// scope of their own that can see earlier parameters but not the body's vars.
function f(a, b = a * 2, c = a + b) { return [a, b, c].join(','); }
print(f(1), f(1, 5), f(1, undefined, 0), f(1, null), f());
// expect: 1,2,3 1,5,6 1,2,0 1,,1 ,NaN,NaN
var count = 0;
function fresh(list = [], n = ++count) { list.push(n); return list.join(','); }
print(fresh(), fresh(), fresh([9]), count);  // expect: 1 2 9,3 3
print(f.length, fresh.length, (function (a, b = 1, c) {}).length, ((a, ...r) => 0).length);
// expect: 1 0 1 1
// Defaults can call functions and see the outer scope.
var base = 10;
function g(x = base + 1) { var base = 100; return x; }
print(g());  // expect: 11
// The body's var with the same name as a parameter starts with the parameter's value.
function h(x = 'default') { var x; return x; }
print(h(), h('given'));  // expect: default given
// Closures in defaults see the parameter scope, not the body's vars.
function scopes(x = 1, get = () => x) {
  var x = 2;
  return [x, get()].join(' ');
}
print(scopes());  // expect: 2 1
// Referencing a later parameter is a ReferenceError (TDZ).
try { (function (a = b, b) {})(); } catch (e) { print(e.name); }  // expect: ReferenceError
// Defaults with destructuring.
function opts({ size = 'M', color = 'red' } = {}) { return size + '/' + color; }
print(opts(), opts({ size: 'L' }), opts({ color: 'blue', size: 'S' }));
// expect: M/red L/red S/blue
function pt([x = 0, y = 0] = []) { return x + ',' + y; }
print(pt(), pt([5]), pt([5, 6]));  // expect: 0,0 5,0 5,6
// Arrows and methods take defaults too.
var arrow = (x = 'arrow default') => x;
var obj = { m(y = this.dflt) { return y; }, dflt: 'from this' };
print(arrow(), obj.m(), obj.m('given'));  // expect: arrow default from this given
// Evaluation order of defaults with side effects.
var log = [];
function order(a = log.push('a'), b = log.push('b')) { return log.join(''); }
print(order(), order(undefined, 1), order(1));  // expect: ab aba abab
