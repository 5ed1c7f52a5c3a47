// Closures share the environments they were created in, including the enclosing functions'.
function outer() {
  var a = 0;
  function middle() {
    var b = 0;
    return {
      incA: function () { return ++a; },
      incB: function () { return ++b; },
    };
  }
  return [middle(), middle()];
}
var pair = outer();
pair[0].incA(); pair[1].incA();
pair[0].incB(); pair[0].incB(); pair[1].incB();
print(pair[0].incA(), pair[0].incB(), pair[1].incB());  // expect: 3 3 2
// Sibling closures see each other's writes.
function account(balance) {
  return {
    deposit: function (x) { balance += x; return balance; },
    withdraw: function (x) { if (x > balance) throw new RangeError('insufficient'); balance -= x; return balance; },
    balance: function () { return balance; },
  };
}
var acct = account(10);
acct.deposit(5);
acct.withdraw(3);
try { acct.withdraw(100); } catch (e) { print(e.name, e.message); }
// expect: RangeError insufficient
print(acct.balance());  // expect: 12
// A closure that captures a variable declared after it in the same scope.
function forward() {
  var f = function () { return later * 2; };
  var later = 21;
  return f();
}
print(forward());  // expect: 42
// Deep nesting: each level captures from several levels up.
function l1(a) {
  return function l2(b) {
    return function l3(c) {
      return function l4(d) {
        a++;
        return [a, b, c, d].join('-');
      };
    };
  };
}
var l4 = l1(1)(2)(3);
print(l4(4), l4(5));  // expect: 2-2-3-4 3-2-3-5
// The arguments of an enclosing function can be captured through a variable.
function captureArgs() {
  var args = arguments;
  return function () { return args.length + ':' + args[0]; };
}
print(captureArgs('first', 'second')());  // expect: 2:first
// Closures over block-scoped bindings in a nested block.
function blocks() {
  var fns = [];
  {
    let x = 'block1';
    fns.push(() => x);
  }
  {
    let x = 'block2';
    fns.push(() => x);
    x = 'block2 changed';
  }
  return fns.map((f) => f()).join(',');
}
print(blocks());  // expect: block1,block2 changed
// Recursion through a captured binding.
function makeRec() {
  var depth = 0;
  function rec(n) { depth++; return n === 0 ? depth : rec(n - 1); }
  return rec;
}
print(makeRec()(9));  // expect: 10
