// Timers fire by due time, then in insertion order; 0 (and negative, NaN) delays act like 1 ms.
var start = Date.now();
setTimeout(function () { print('60ms'); }, 60);
setTimeout(function () { print('0ms a'); }, 0);
setTimeout(function () { print('20ms'); }, 20);
setTimeout(function () { print('0ms b'); }, 0);
setTimeout(function () { print('1ms (same as 0)'); }, 1);
setTimeout(function () { print('negative delay'); }, -5);
setTimeout(function () { print('NaN delay'); }, NaN);
setTimeout(function () { print('string delay 40'); }, '40');
setTimeout(function () { print('60ms second'); print('waited at least 55ms', Date.now() - start >= 55); }, 60);

// Output:
// expect: 0ms a
// expect: 0ms b
// expect: 1ms (same as 0)
// expect: negative delay
// expect: NaN delay
// expect: 20ms
// expect: string delay 40
// expect: 60ms
// expect: 60ms second
// expect: waited at least 55ms true
