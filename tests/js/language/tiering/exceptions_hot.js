// Hot code that rarely throws: the throw path must unwind compiled frames correctly and
// finally blocks must still run.
function maybeThrow(i) { if (i % 1000 === 999) throw new RangeError('at ' + i); return i; }
function caller(i) { try { return maybeThrow(i); } catch (e) { return -1; } finally { counter++; } }
var counter = 0, sum = 0, errors = 0;
for (var i = 0; i < 5000; i++) { var v = caller(i); if (v < 0) errors++; else sum += v; }
print(sum, errors, counter);  // expect: 12482505 5 5000
function deep(n, i) { if (n === 0) return maybeThrow(i); return deep(n - 1, i) + 1; }
var caught = [];
for (var j = 995; j < 1003; j++) { try { deep(20, j); } catch (e) { caught.push(e.message); } }
print(caught.join(','));  // expect: at 999
function loopWithTry(n) {
  var out = 0;
  for (var k = 0; k < n; k++) {
    try {
      if (k === n - 1) throw 'last';
      out += k;
    } catch (e) {
      out += 1000000;
    }
  }
  return out;
}
for (var w = 0; w < 100; w++) loopWithTry(50);
print(loopWithTry(50), loopWithTry(1));  // expect: 1001176 1000000
