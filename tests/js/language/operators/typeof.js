// typeof of every kind of value, of undeclared names, and of names in their TDZ.
print(typeof undefined, typeof void 0, typeof null);  // expect: undefined undefined object
print(typeof true, typeof 0, typeof -0.5, typeof NaN, typeof Infinity);
// expect: boolean number number number number
print(typeof '', typeof 'x', typeof `t`, typeof String(1));  // expect: string string string string
print(typeof Symbol.iterator);  // expect: symbol
print(typeof {}, typeof [], typeof new Number(1), typeof new String('s'), typeof new Boolean(false));
// expect: object object object object object
print(typeof function () {}, typeof (() => 1), typeof class {}, typeof async function () {});
// expect: function function function function
print(typeof Math, typeof Math.max, typeof JSON, typeof JSON.parse, typeof print);
// expect: object function object function function
print(typeof Object, typeof Array, typeof Map, typeof Promise, typeof Error);
// expect: function function function function function
print(typeof new Map(), typeof new Set(), typeof Promise.resolve(), typeof new Error('e'));
// expect: object object object object
print(typeof function () {}.bind(null), typeof Object.create(null));  // expect: function object
print(typeof notDeclaredAnywhere, typeof notDeclaredAnywhere === 'undefined');
// expect: undefined true
print(typeof typeof 1, typeof (1 + '1'), typeof (1 - '1'));  // expect: string string number
function f() { return arguments; }
print(typeof f(), typeof f, typeof f.prototype);  // expect: object function object
var o = { m() {}, get g() { return 1; } };
print(typeof o.m, typeof o.g, typeof o.missing);  // expect: function number undefined
try {
  (function () {
    typeof inTdz;
    let inTdz = 1;
  })();
} catch (e) {
  print(e.name, e instanceof ReferenceError);  // expect: ReferenceError true
}
print(typeof globalThis, typeof Date.now(), typeof performance.now());
// expect: object number number
