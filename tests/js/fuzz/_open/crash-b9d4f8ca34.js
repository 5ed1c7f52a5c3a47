// Found by tools/difffuzz --seed 300000: crash under default (no flags).
// First difference: status -11
// engine-only: reproduces with the flags below
// Expected output from the interpreter.
function show(v) {
  if (typeof v === 'function') return 'fn';
}
function ck(v) {
  const s = show(v);
}
function ar_0(a, b) {
}
function arDrive_0() {
  let x = -0;
  for (let i = 0; i < 300; i++) { ck(ar_0(x, i - 0)); x = (x + 7) | 0; }
}
arDrive_0();
const pf_2 = [x => x + 1, x => x + 1, x => '' + x];
function call_2(f, x) { return f(x); }
function pfDrive_2() {
  for (let i = 0; i < 200; i++) ck(call_2(pf_2[0], i));
  for (let i = 0; i < 60; i++) ck(call_2(pf_2[i % 3], i % 2 ? i : i + 0.5));
}
pfDrive_2();
function th_4(n) { if (n % 0 === 0) throw null; return n + 1; }
function mid_4(n) { return th_4(n) * 2; }
function thDrive_4() {
  let caught = 0, fin = 0, last = '';
  for (let i = 0; i < 200; i++) {
    try { ck(mid_4(i)); } catch (e) { caught++; last = e instanceof Error ? e.name + ':' + e.message : show(e); } finally { fin++; }
  }
}
thDrive_4();
function tc_6(a, b) { return a ? b : a; }
function tcDrive_6() {
  for (let i = 0; i < 200; i++) ck(tc_6(i, i ^ 5));
  for (let i = 0; i < 50; i++) ck(tc_6(i, i));
}
tcDrive_6();
// expect-exit: 0
