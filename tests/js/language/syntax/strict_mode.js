// Strict-mode semantics inside functions with "use strict" (the file itself is sloppy).
function sloppy() { return this; }
function strict() { 'use strict'; return this; }
print(sloppy() === globalThis, strict());  // expect: true undefined
(function () {
  'use strict';
  var results = [];
  function attempt(label, f) { try { f(); results.push(label + ':ok'); } catch (e) { results.push(label + ':' + e.name); } }
  attempt('undeclared', function () { undeclaredInStrict = 1; });
  attempt('readonly', function () { var o = Object.defineProperty({}, 'x', { value: 1 }); o.x = 2; });
  attempt('getter-only', function () { var o = { get x() { return 1; } }; o.x = 2; });
  attempt('non-extensible', function () { var o = Object.preventExtensions({}); o.y = 1; });
  attempt('delete-nonconfig', function () { delete Object.prototype; });
  attempt('primitive-prop', function () { 'str'.prop = 1; });
  attempt('frozen-array', function () { Object.freeze([1]).push(2); });
  attempt('NaN', function () { NaN = 1; });
  attempt('arguments.callee', function () { return arguments.callee; });
  print(results.join(' '));
  // expect: undeclared:ReferenceError readonly:TypeError getter-only:TypeError non-extensible:TypeError delete-nonconfig:TypeError primitive-prop:TypeError frozen-array:TypeError NaN:TypeError arguments.callee:TypeError
  // Unmapped arguments.
  function args(a) { a = 'changed'; return arguments[0]; }
  print(args('orig'));  // expect: orig
  // this is not boxed.
  print(typeof function () { return this; }.call(5), function () { return this; }.call(null));
  // expect: number null
  // Nested functions inherit strictness.
  print((function () { return this; })());  // expect: undefined
})();
// A directive only counts at the very start of the function body.
function notDirective() { var x = 1; 'use strict'; return this === globalThis; }
print(notDirective());  // expect: true
function escapedDirective() { 'use\x20strict'; return this === globalThis; }
print(escapedDirective());  // expect: true
// Strictness of class bodies and arrow functions inside strict functions.
class C { m() { return (function () { return this; })(); } }
print(new C().m());  // expect: undefined
(function () { 'use strict'; print((() => this)()); })();  // expect: undefined
