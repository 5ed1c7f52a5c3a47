// The program of tests/js/jit/inlined_stack_trace*.js (a module, not a test): stack traces
// captured below frames the optimizing tiers inline. mid1/inner1, mid2/inner2, mid3/callBuiltin
// and pick are small monomorphic callees, inlined into their callers (two levels deep for
// outer1/outer2/outer3); `twice` inlines pick at two call sites (the call's snapshot, not the
// outer frame's pc, tells which); `poly` makes a call that is not inlined (two targets) after an
// inlined one (no stale level may show); `deep` puts the inlined chain under recursion, past
// the 10-line limit. frames() prints each line as `name file:line:col` (the file's basename).
function frames(s) {
  const out = [];
  for (const l of s.split("\n").slice(1)) {
    let t = l.trim().slice(3), name = "";
    const sp = t.indexOf(" (");
    if (sp >= 0) { name = t.slice(0, sp); t = t.slice(sp + 2, t.length - 1); }
    if (name === "report") break;
    t = t.slice(t.lastIndexOf("/") + 1);
    out.push(name ? name + " " + t : t);
  }
  return out.join(" | ");
}
function inner1() { return new Error("x").stack; }
function mid1(n) { return inner1() + n; }
function outer1(n) { return mid1(n); }

function mid2(n) { const o = {}; Error.captureStackTrace(o); return o.stack + n; }
function inner2(n) { return mid2(n) + 1; }
function outer2(n) { return inner2(n); }

function callBuiltin(a) { return a.reduce(function (x, y) { return x + y; }); }
function mid3(a) { return callBuiltin(a) + 1; }
function outer3(a) { try { return mid3(a); } catch (e) { return e.name + ": " + e.message + " | " + frames(e.stack); } }

function pick(n) { return n > 0 ? new Error("p").stack : "none"; }
function twice(n) {
  const a = pick(n);
  const b = pick(n + 1);
  return [a, b];
}

const polys = [function p0() { return new Error("q").stack; }, function p1() { return new Error("r").stack; }];
function leaf(n) { return n; }
function poly(n) { const k = leaf(n); return polys[k & 1](); }

function deep(n) { return n === 0 ? outer1(n) : deep(n - 1) + ""; }

function warm() {
  const r = [];
  for (let i = 0; i < 300; i++) {
    r[0] = outer1(i); r[1] = outer2(i); r[2] = outer3([1, 2]); r[3] = twice(i); r[4] = poly(i);
    r[5] = deep(i & 3);
  }
  return r.length;
}

function report() {
  print(frames(outer1(7)));
  print(frames(outer2(7)));
  print(outer3([]));
  const tw = twice(3);
  print(frames(tw[0]));
  print(frames(tw[1]));
  print(frames(poly(3)));
  print(frames(outer1(8)));
  print(outer3([]));
  print(frames(deep(9)));
}

module.exports = { warm, report, optimized: [outer1, outer2, outer3, twice, poly, deep] };
