// var declarations are hoisted to the top of their function and start as undefined.
print(early);  // expect: undefined
var early = 'assigned';
print(early);  // expect: assigned
function f() {
  print(inner, typeof inner);  // expect: undefined undefined
  if (false) { var inner = 'never'; }
  print(inner);  // expect: undefined
  for (var i = 0; i < 3; i++) {}
  print(i);  // expect: 3
  { var blockVar = 'visible outside the block'; }
  print(blockVar);  // expect: visible outside the block
  var inner = 'now';
  print(inner);  // expect: now
}
f();
// Redeclaring a var keeps the old value; a var and a parameter share one binding.
var twice = 1;
var twice;
print(twice);  // expect: 1
function g(p) {
  var p;
  print(p);  // expect: arg
  var p = 'reassigned';
  print(p, arguments[0]);  // expect: reassigned reassigned
}
g('arg');
// var in a catch block is function-scoped; the catch parameter is block-scoped.
function h() {
  try { throw 'err'; } catch (e) { var fromCatch = e + '!'; }
  print(fromCatch, typeof e);  // expect: err! undefined
}
h();
// Hoisting happens per function, not across functions.
function outer() {
  var x = 'outer';
  function inner() {
    print(x);  // expect: undefined
    var x = 'inner';
    print(x);  // expect: inner
  }
  inner();
  print(x);  // expect: outer
}
outer();
