// Function declarations are hoisted with their bodies; function expressions are not.
print(declared());  // expect: declared works before its line
function declared() { return 'declared works before its line'; }
try {
  expressed();
} catch (e) {
  print(e.name, typeof expressed);  // expect: TypeError undefined
}
var expressed = function () { return 'expression'; };
print(expressed());  // expect: expression
// A later declaration of the same name wins, everywhere in the scope.
print(which());  // expect: second
function which() { return 'first'; }
function which() { return 'second'; }
print(which());  // expect: second
// Inside a function, too; and a var of the same name does not reset it until assigned.
function scope() {
  print(typeof helper, helper());  // expect: function helper
  var helper = 'now a string';
  print(typeof helper);  // expect: string
  function helper() { return 'helper'; }
}
scope();
// Mutual recursion between hoisted declarations.
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
print(isEven(10), isOdd(7), isEven(3));  // expect: true true false
// In strict code a function declared in a block is scoped to that block.
(function () {
  'use strict';
  {
    function blockFn() { return 'inside'; }
    print(blockFn());  // expect: inside
  }
  print(typeof blockFn);  // expect: undefined
})();
// Named function expressions bind their name only inside themselves, read-only.
var fact = function me(n) { return n <= 1 ? 1 : n * me(n - 1); };
print(fact(5), typeof me);  // expect: 120 undefined
var named = function self() {
  self = 'reassigned';
  return typeof self;
};
print(named());  // expect: function
