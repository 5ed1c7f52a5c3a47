// Function length (parameters before the first default or rest) and name (inferred from
// declarations, variables, properties, methods, accessors, classes, bind).
function decl(a, b, c) {}
var expr = function (a) {};
var namedExpr = function inner(a, b) {};
var arrow = (x, y) => {};
let letArrow = () => {};
const constFn = function () {};
print(decl.name, decl.length, expr.name, expr.length, namedExpr.name, arrow.name, arrow.length);
// expect: decl 3 expr 1 inner arrow 2
print(letArrow.name, constFn.name, (function () {}).name === '', (() => {}).name === '');
// expect: letArrow constFn true true
print((function (a, b = 1, c) {}).length, (function (...r) {}).length, (function (a, { b }, [c]) {}).length);
// expect: 1 0 3
var obj = {
  method() {},
  prop: function () {},
  arrowProp: () => {},
  get getter() { return 1; },
  set setter(v) {},
  ['comp' + 'uted']: function () {},
  123: function () {},
  'with space': () => {},
};
print(obj.method.name, obj.prop.name, obj.arrowProp.name, obj.computed.name, obj[123].name, obj['with space'].name);
// expect: method prop arrowProp computed 123 with space
var gdesc = Object.getOwnPropertyDescriptor(obj, 'getter');
var sdesc = Object.getOwnPropertyDescriptor(obj, 'setter');
print(gdesc.get.name, sdesc.set.name, gdesc.get.length, sdesc.set.length);
// expect: get getter set setter 0 1
class Klass {
  constructor(a, b) {}
  method(x) {}
  static stat() {}
  get acc() { return 1; }
}
print(Klass.name, Klass.length, Klass.prototype.method.name, Klass.stat.name);
// expect: Klass 2 method stat
print(Object.getOwnPropertyDescriptor(Klass.prototype, 'acc').get.name);  // expect: get acc
var Anon = class {};
print(Anon.name, (class Named {}).name);  // expect: Anon Named
print(decl.bind(null).name, decl.bind(null, 1).length, decl.bind(null, 1, 2, 3, 4).length, arrow.bind().name);
// expect: bound decl 2 0 bound arrow
print(Math.max.name, Math.max.length, Array.prototype.push.name, Array.prototype.push.length, parseInt.length);
// expect: max 2 push 1 2
print(Object.name, Array.name, Function.name, String.prototype.slice.length, JSON.stringify.length);
// expect: Object Array Function 2 3
// name and length are not writable but are configurable.
decl.name = 'changed';
decl.length = 99;
print(decl.name, decl.length);  // expect: decl 3
var d = Object.getOwnPropertyDescriptor(decl, 'name');
print(d.writable, d.enumerable, d.configurable);  // expect: false false true
Object.defineProperty(decl, 'name', { value: 'redefined' });
print(decl.name);  // expect: redefined
// Assignment to an existing variable also names an anonymous function.
var later;
later = function () {};
print(later.name);  // expect: later
var { destructured = function () {} } = {};
print(destructured.name);  // expect: destructured
