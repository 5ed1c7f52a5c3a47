// let, const and class bindings exist from the start of their scope but may not be touched
// before their declaration runs: the temporal dead zone.
function check(label, f) {
  try {
    print(label, 'ok:', f());
  } catch (e) {
    print(label, e.name, e instanceof ReferenceError);
  }
}
check('let before', function () { var r = a; let a = 1; return r; });
// expect: let before ReferenceError true
check('const before', function () { var r = c; const c = 1; return r; });
// expect: const before ReferenceError true
check('class before', function () { var r = new K(); class K {} return r; });
// expect: class before ReferenceError true
check('typeof in TDZ', function () { var r = typeof t; let t = 1; return r; });
// expect: typeof in TDZ ReferenceError true
check('typeof undeclared', function () { return typeof neverDeclared; });
// expect: typeof undeclared ok: undefined
check('assign before', function () { z = 1; let z; return z; });
// expect: assign before ReferenceError true
check('self init', function () { let s = s + 1; return s; });
// expect: self init ReferenceError true
check('after', function () { let a = 1; return a; });  // expect: after ok: 1
// A closure may refer to a binding that is initialized by the time it runs.
check('closure later', function () {
  const get = () => later;
  let later = 'initialized';
  return get();
});  // expect: closure later ok: initialized
check('closure early', function () {
  const get = () => later;
  const r = get();
  let later = 'initialized';
  return r;
});  // expect: closure early ReferenceError true
// The inner binding shadows the outer one even before its declaration.
check('shadow', function () {
  let v = 'outer';
  {
    var r;
    try { r = v; } catch (e) { r = e.name; }
    let v = 'inner';
    return r + ' then ' + v;
  }
});  // expect: shadow ok: ReferenceError then inner
// Default parameters: later parameters are in the TDZ for earlier defaults.
check('param order ok', function () { return (function (a, b = a + 1) { return b; })(1); });
// expect: param order ok ok: 2
check('param TDZ', function () { return (function (a = b, b = 1) { return a; })(); });
// expect: param TDZ ReferenceError true
// Loop heads.
check('for let', function () { let out = ''; for (let i = 0; i < 3; i++) out += i; return out; });
// expect: for let ok: 012
check('for-of TDZ', function () { for (let q of [q]) {} });
// expect: for-of TDZ ReferenceError true
// switch: a let of a case that did not run stays in the TDZ for the cases after it.
check('switch', function () {
  switch (2) {
    case 1:
      let w = 'one';
      return w;
    case 2:
      return w;
  }
});  // expect: switch ReferenceError true
// The error happens at the access, after earlier side effects.
var steps = [];
try { (function () { steps.push('before'); x; steps.push('after'); let x; })(); } catch (e) { steps.push(e.name); }
print(steps.join(','));  // expect: before,ReferenceError
