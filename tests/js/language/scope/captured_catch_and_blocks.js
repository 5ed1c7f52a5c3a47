// Closures capturing catch parameters, block-scoped bindings in loops with try/finally, and
// function declarations in strict blocks.
var fns = [];
for (var i = 0; i < 3; i++) {
  try { throw 'err' + i; } catch (e) { fns.push(function () { return e; }); }
}
print(fns.map(function (f) { return f(); }).join());  // expect: err0,err1,err2
var fromFinally = [];
for (let j = 0; j < 3; j++) {
  try { if (j === 1) continue; } finally { fromFinally.push(() => j); }
}
print(fromFinally.map((f) => f()).join());  // expect: 0,1,2
(function () {
  'use strict';
  var got = [];
  for (let k = 0; k < 2; k++) {
    function inner() { return 'block fn ' + k; }
    got.push(inner);
  }
  print(got.map(function (f) { return f(); }).join(', '));  // expect: block fn 0, block fn 1
})();
function counterInCatch() {
  try { throw { count: 0 }; } catch (state) { return function () { return ++state.count; }; }
}
var cc = counterInCatch();
cc(); cc();
print(cc());  // expect: 3
var shadow = 'outer';
try { throw 'caught value'; } catch (shadow) { var viaClosure = function () { return shadow; }; }
print(viaClosure(), shadow);  // expect: caught value outer
