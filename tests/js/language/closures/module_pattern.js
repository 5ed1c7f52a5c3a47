// IIFEs create private state (the module pattern), closures as objects with methods.
var Stack = (function () {
  var instances = 0;
  function create() {
    var items = [];
    instances++;
    return {
      push: function (x) { items.push(x); return this; },
      pop: function () { return items.pop(); },
      size: function () { return items.length; },
    };
  }
  return { create: create, count: function () { return instances; } };
})();
var s1 = Stack.create(), s2 = Stack.create();
s1.push(1).push(2).push(3);
s2.push('a');
print(s1.size(), s2.size(), s1.pop(), s1.size(), Stack.count(), typeof items);
// expect: 3 1 3 2 2 undefined
// Currying and partial application.
function curry(f) {
  return function curried() {
    var args = Array.prototype.slice.call(arguments);
    if (args.length >= f.length) return f.apply(this, args);
    return function () { return curried.apply(this, args.concat(Array.prototype.slice.call(arguments))); };
  };
}
var add3 = curry(function (a, b, c) { return a + b + c; });
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3));  // expect: 6 6 6 6
// Function composition.
function compose() {
  var fns = arguments;
  return function (x) {
    for (var i = fns.length - 1; i >= 0; i--) x = fns[i](x);
    return x;
  };
}
var inc = function (x) { return x + 1; };
var dbl = function (x) { return x * 2; };
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7));  // expect: 11 12 7
// once()
function once(f) {
  var done = false, result;
  return function () {
    if (!done) { done = true; result = f.apply(this, arguments); }
    return result;
  };
}
var calls = 0;
var init = once(function (x) { calls++; return 'init ' + x; });
print(init(1), init(2), calls);  // expect: init 1 init 1 1
// Event emitter built from closures.
function emitter() {
  var handlers = {};
  return {
    on: function (name, h) { (handlers[name] = handlers[name] || []).push(h); },
    emit: function (name, v) { (handlers[name] || []).forEach(function (h) { h(v); }); },
  };
}
var em = emitter();
var got = [];
em.on('x', function (v) { got.push('first ' + v); });
em.on('x', function (v) { got.push('second ' + v); });
em.emit('x', 42);
em.emit('y', 0);
print(got.join('; '));  // expect: first 42; second 42
