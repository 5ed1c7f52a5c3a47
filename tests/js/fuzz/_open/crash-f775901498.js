// Found by tools/difffuzz --seed 200000: crash under default (no flags).
// First difference: status -11
// engine-only: reproduces with the flags below
// Expected output from the interpreter.
let H = 0;
function show(v) {
  if (typeof v === 'function') return 'fn';
}
function ck(v) {
  const s = show(v);
}
function ov_0(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    ck(acc);
  }
}
print('ov_0', show(ov_0(229)), show(ov_0(5)), H);
const pf_1 = [function (x) { return this === undefined ? x : 0; }, x => x / 3, function (x) { return -x; }];
function call_1(f, x) { return f(x); }
function pfDrive_1() {
  for (let i = 0; i < 200; i++) ck(call_1(pf_1[0], i));
}
pfDrive_1();
function mk0_2(v) { const o = {}; o.y = v + 0; o.x = v + 1; return o; }
function mk1_2(v) { const o = {}; o.x = v + 0; o.y = v + 1; return o; }
function mk2_2(v) { const o = {}; o.x = v + 0; o.y = v + 1; return o; }
function rd_2(o) { return o.x + o.y; }
function shDrive_2() {
  for (let i = 0; i < 200; i++) ck(rd_2(mk0_2(i)));
  for (let i = 0; i < 60; i++) ck(rd_2(i % 3 === 0 ? mk1_2(i) : i % 3 === 1 ? mk2_2(i) : mk0_2(i)));
}
shDrive_2();
function ag_3(a, b = a * 2, ...rest) { const { length } = rest; return a + b + length + (arguments.length > 3 ? arguments[3] : 0); }
function ds_3({ p = 1, q } = {}, [r, , t = 4] = []) { return p * 0 + (q | 0) + r + t; }
function agDrive_3() {
  for (let i = 0; i < 200; i++) ck(ag_3(i, undefined, 1, i & 7));
  print('ag_3', show(ag_3(1)), show(ag_3('s', 2, 3, 4, 5)), show(ag_3(-0, -0)), H);
  for (let i = 0; i < 100; i++) ck(ds_3({ p: i, q: i * 2 }, [i, 0]));
  print('ag_3', show(ds_3()), show(ds_3({ q: 'z' }, [1, 2, 3])), H);
}
agDrive_3();
// expect: ov_0 undefined undefined 0
// expect: ag_3 undefined undefined undefined 0
// expect: ag_3 undefined undefined 0
