// Cyclic requires see partial exports; a module that throws propagates the error to require,
// and a missing module is an error.
var a = require('./modules/cycle_a.js');
print(a.sawFromB, a.bSawA, a.done);  // expect: b a (before requiring b) / done=undefined true
var b = require('./modules/cycle_b.js');
print(b.sawA);  // expect: a (before requiring b) / done=undefined
try { require('./modules/throws.js'); } catch (e) { print(e.name, e.message); }
// expect: RangeError module failed
try { require('./modules/does_not_exist.js'); } catch (e) { print('missing module throws', e instanceof Error); }
// expect: missing module throws true
