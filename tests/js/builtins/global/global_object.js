// globalThis and the global value properties and functions.
print(typeof globalThis, globalThis.globalThis === globalThis, globalThis.Array === Array, globalThis.print === print);
// expect: object true true true
var d = Object.getOwnPropertyDescriptor(globalThis, 'undefined');
print(d.writable, d.enumerable, d.configurable, globalThis.undefined, globalThis.NaN, globalThis.Infinity);
// expect: false false false undefined NaN Infinity
d = Object.getOwnPropertyDescriptor(globalThis, 'globalThis');
print(d.writable, d.enumerable, d.configurable);  // expect: true false true
d = Object.getOwnPropertyDescriptor(globalThis, 'Array');
print(d.writable, d.enumerable, d.configurable);  // expect: true false true
var names = ['Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'Math', 'JSON', 'Map', 'Set',
  'Promise', 'Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError',
  'AggregateError', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'setTimeout', 'setInterval', 'clearTimeout',
  'clearInterval', 'queueMicrotask', 'console', 'performance', 'process', 'Date'];
print(names.filter(function (n) { return typeof globalThis[n] === 'undefined'; }).join() || 'all present');
// expect: all present
// Adding and removing global properties.
globalThis.addedGlobal = 'here';
print(addedGlobal, 'addedGlobal' in globalThis, delete globalThis.addedGlobal, typeof addedGlobal);
// expect: here true true undefined
// Date.now returns an integral number of milliseconds that does not go backwards.
var t1 = Date.now(), t2 = Date.now();
print(typeof t1, Number.isInteger(t1), t2 >= t1, t1 > 1.5e12);  // expect: number true true true
