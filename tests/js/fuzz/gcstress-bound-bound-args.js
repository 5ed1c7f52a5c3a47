// Found by tests/tools/differential.py (builtins/function/call_apply_bind.js under
// --gc-stress), reduced by hand: calling a bound function whose target is itself bound gets the
// inner bound arguments repeated instead of the outer ones when a collection runs in between.
// flags: --gc-stress
// engine-only: needs --gc-stress
function add(a, b, c) { return (this && this.t) + '|' + a + '|' + b + '|' + c; }
var b1 = add.bind({ t: 'T' }, 1);
var b2 = b1.bind(null, 2);
print(b2(3)); // expect: T|1|2|3
print(b1(2, 3)); // expect: T|1|2|3
