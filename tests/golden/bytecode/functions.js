// declarations and expressions, defaults, rest, length, nested functions
function add(a, b) {
  return a + b;
}
var mul = function (a, b = 2, c) { return a * b; };
var named = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
function rest(first, ...others) { return others.length; }
function outer() {
  function inner() { return 1; }
  return inner;
}
