// Functions as values: passed, returned, stored in data structures, called indirectly.
var ops = {
  '+': function (a, b) { return a + b; },
  '-': function (a, b) { return a - b; },
  '*': function (a, b) { return a * b; },
};
function evalRpn(tokens) {
  var stack = [];
  tokens.forEach(function (t) {
    if (t in ops) { var b = stack.pop(), a = stack.pop(); stack.push(ops[t](a, b)); } else stack.push(Number(t));
  });
  return stack.pop();
}
print(evalRpn('3 4 + 2 *'.split(' ')), evalRpn('5 1 2 + 4 * + 3 -'.split(' ')));  // expect: 14 14
// Functions stored in arrays and called in a loop.
var pipeline = [function (x) { return x + 1; }, function (x) { return x * 3; }, String, function (s) { return s + '!'; }];
print(pipeline.reduce(function (acc, f) { return f(acc); }, 4));  // expect: 15!
// Callbacks with index and array arguments.
print([10, 20, 30].map(function (x, i, arr) { return x + i + arr.length; }).join());
// expect: 13,24,35
// A function returning different functions.
function pick(kind) {
  switch (kind) {
    case 'upper': return function (s) { return s.toUpperCase(); };
    case 'rev': return function (s) { return s.split('').reverse().join(''); };
    default: return function (s) { return s; };
  }
}
print(pick('upper')('abc'), pick('rev')('abc'), pick('none')('abc'));  // expect: ABC cba abc
// Functions are objects: properties on them.
function counted() { counted.calls = (counted.calls || 0) + 1; }
counted(); counted(); counted();
print(counted.calls, typeof counted.call, counted instanceof Object);  // expect: 3 function true
// Immediately invoked expressions of several syntactic forms.
print((function () { return 1; })(), (function () { return 2; }()), !function () { return 0; }(), void function () {}());
// expect: 1 2 true undefined
// A sort comparator that counts comparisons stays consistent.
var cmpCalls = 0;
var sorted = [5, 3, 8, 1, 9, 2].sort(function (a, b) { cmpCalls++; return a - b; });
print(sorted.join(), cmpCalls > 0);  // expect: 1,2,3,5,8,9 true
// Function-valued properties called with the right receiver via a variable.
var counter = { n: 0, inc: function () { this.n++; return this; } };
counter.inc().inc().inc();
print(counter.n);  // expect: 3
// Polymorphic call site: the same call expression hits many different functions.
var fns = [];
for (var i = 0; i < 10; i++) fns.push((function (k) { return function () { return k * k; }; })(i));
var total = 0;
for (var round = 0; round < 100; round++) for (var j = 0; j < fns.length; j++) total += fns[j]();
print(total);  // expect: 28500
