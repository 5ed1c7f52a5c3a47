// setTimeout passes extra arguments, returns an id that clearTimeout accepts; clearing an
// unknown or already-fired timer is harmless.
setTimeout(function (a, b) { print('args', a, b); }, 0, 'x', 42);
var cancelled = setTimeout(function () { print('cancelled timer ran!'); }, 0);
clearTimeout(cancelled);
clearTimeout(undefined);
clearTimeout(123456);
var fired = setTimeout(function () {
  print('fired');
  clearTimeout(fired);
}, 0);
var t = setTimeout(function () {}, 0);
print(typeof t === 'object' || typeof t === 'number');
// A timer can cancel a later one.
var later = setTimeout(function () { print('later must not run'); }, 30);
setTimeout(function () { clearTimeout(later); print('cancelled the later timer'); }, 5);
try { setTimeout('not a function', 0); } catch (e) { print(e.name); }

// Output:
// expect: true
// expect: TypeError
// expect: args x 42
// expect: fired
// expect: cancelled the later timer
