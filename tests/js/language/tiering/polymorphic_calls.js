// A call site that sees many different targets (closures, methods, bound functions, classes,
// built-ins) keeps calling the right one.
function callIt(f, x) { return f(x); }
var targets = [
  function (x) { return x + 1; },
  (x) => x * 2,
  Math.abs,
  String,
  function (x) { return this === undefined ? 'strict undefined' : typeof this; },
  (function () { 'use strict'; return function (x) { return this; }; })(),
  function (x) { return x; }.bind(null),
  parseInt,
  Boolean,
  function (x) { return [x, x]; },
];
for (var r = 0; r < 200; r++) for (var i = 0; i < targets.length; i++) callIt(targets[i], -r);
print(targets.map(function (f) { return String(callIt(f, -7)); }).join(' | '));
// expect: -6 | -14 | 7 | -7 | object | undefined | -7 | -7 | true | -7,-7
var shapes = [
  { area() { return 1; } },
  { w: 2, area() { return this.w * 2; } },
  new (class Sq { constructor() { this.s = 3; } area() { return this.s * this.s; } })(),
  Object.create({ area() { return 'inherited'; } }),
];
function totalArea(list) { return list.map(function (s) { return s.area(); }).join(','); }
for (var k = 0; k < 300; k++) totalArea(shapes);
print(totalArea(shapes));  // expect: 1,4,9,inherited
shapes[0].area = function () { return 'replaced'; };
print(totalArea(shapes));  // expect: replaced,4,9,inherited
