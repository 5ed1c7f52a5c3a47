// Recursion: direct, mutual, deep (10,000 frames), and through closures and methods.
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
print(fact(5), fact(10), fact(20), fact(25), fact(170) < Infinity, fact(171));
// expect: 120 3628800 2432902008176640000 1.5511210043330986e+25 true Infinity
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
print(fib(0), fib(1), fib(10), fib(20), fib(25));  // expect: 0 1 55 6765 75025
function ackermann(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}
print(ackermann(2, 3), ackermann(3, 3));  // expect: 9 61
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
print(depth(10000));  // expect: 10000
function sumTo(n, acc) { return n === 0 ? acc : sumTo(n - 1, acc + n); }
print(sumTo(5000, 0));  // expect: 12502500
// Recursion with many locals per frame.
function heavy(n) {
  var a = n, b = n * 2, c = n * 3, d = [a, b, c];
  if (n === 0) return 0;
  return d[0] + heavy(n - 1);
}
print(heavy(3000));  // expect: 4501500
// Recursive data structure walk.
function build(d) { return d === 0 ? null : { left: build(d - 1), right: build(d - 1) }; }
function count(t) { return t === null ? 0 : 1 + count(t.left) + count(t.right); }
print(count(build(12)));  // expect: 4095
// Recursive method and getter.
var list = { v: 1, next: { v: 2, next: { v: 3, next: null } } };
var walker = { sum(node) { return node ? node.v + this.sum(node.next) : 0; } };
print(walker.sum(list));  // expect: 6
// Hanoi with a move counter.
var moves = 0;
function hanoi(n, from, to, via) {
  if (n === 0) return;
  hanoi(n - 1, from, via, to);
  moves++;
  hanoi(n - 1, via, to, from);
}
hanoi(16, 'a', 'c', 'b');
print(moves);  // expect: 65535
// Permutations.
function perms(arr) {
  if (arr.length <= 1) return [arr];
  var out = [];
  arr.forEach(function (x, i) {
    perms(arr.slice(0, i).concat(arr.slice(i + 1))).forEach(function (p) { out.push([x].concat(p)); });
  });
  return out;
}
print(perms([1, 2, 3]).map(function (p) { return p.join(''); }).join(' '), perms([1, 2, 3, 4, 5, 6]).length);
// expect: 123 132 213 231 312 321 720
