// Ordering of try, catch and finally, with and without exceptions, across function calls.
var log = [];
function step(s) { log.push(s); }
function flush() { var s = log.join(' '); log = []; return s; }
try { step('try'); } catch (e) { step('catch'); } finally { step('finally'); }
print(flush());  // expect: try finally
try { step('try'); throw new Error('x'); step('unreached'); } catch (e) { step('catch ' + e.message); } finally { step('finally'); }
print(flush());  // expect: try catch x finally
try { try { step('inner try'); throw 'inner'; } finally { step('inner finally'); } } catch (e) { step('outer catch ' + e); }
print(flush());  // expect: inner try inner finally outer catch inner
try { try { throw 'first'; } catch (e) { step('caught ' + e); throw 'second'; } finally { step('inner finally'); } } catch (e) { step('outer ' + e); }
print(flush());  // expect: caught first inner finally outer second
// Exceptions propagate through several frames, running finally blocks on the way.
function level3() { try { throw new TypeError('deep'); } finally { step('f3'); } }
function level2() { try { level3(); } finally { step('f2'); } }
function level1() { try { level2(); } catch (e) { step('caught ' + e.name + ' ' + e.message); } finally { step('f1'); } }
level1();
print(flush());  // expect: f3 f2 caught TypeError deep f1
// catch without binding, and rethrow.
try { try { throw new RangeError('r'); } catch { step('no binding'); throw new SyntaxError('rethrown as new'); } } catch (e) { step(e.name); }
print(flush());  // expect: no binding SyntaxError
try { try { throw new Error('orig'); } catch (e) { e.message += ' (annotated)'; throw e; } } catch (e) { step(e.message); }
print(flush());  // expect: orig (annotated)
// The catch parameter is local to the catch block.
var e = 'outer';
try { throw 'inner'; } catch (e) { e = 'modified'; }
print(e);  // expect: outer
// finally runs on break and continue.
for (var i = 0; i < 3; i++) {
  try {
    if (i === 0) continue;
    if (i === 2) break;
    step('body ' + i);
  } finally {
    step('finally ' + i);
  }
}
print(flush());  // expect: finally 0 body 1 finally 1 finally 2
// An exception in finally replaces the pending one.
try { try { throw 'original'; } finally { throw 'from finally'; } } catch (x) { print(x); }
// expect: from finally
// Exceptions in loops: each iteration catches its own.
var caught = 0;
for (var j = 0; j < 100; j++) { try { if (j % 3 === 0) throw j; } catch (x) { caught += x; } }
print(caught);  // expect: 1683
// Nested functions with try in a loop.
function safeDiv(a, b) { try { if (b === 0) throw new RangeError('div by zero'); return a / b; } catch (err) { return err.name; } }
print([safeDiv(6, 3), safeDiv(1, 0), safeDiv(0, 5)].join());  // expect: 2,RangeError,0
