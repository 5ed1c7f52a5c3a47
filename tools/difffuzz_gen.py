"""Random program generator for tools/difffuzz: valid, deterministic, terminating JavaScript
in Strata's language subset, written to be hostile to speculation.

A program is a list of top-level items (strings). Every item starts at column 0 and indents its
inner lines, so the shrinker can split a program back into items by looking at column 0. Each
section (one hostile idea: arithmetic at the int32 edges, shape changes, element kinds,
throwing callees, accessors, closures, recursion, strings, polymorphic calls, OSR loops) is
one or more items with names of its own (suffix _<n>), so any section can be deleted alone;
sections share only the prelude (`ck`, the running checksum H, and `show`).

Everything computed is observed: `ck(v)` folds a canonical rendering of v (with -0, NaN,
types, array lengths) into H, sections print H at their end, and a few values are printed
directly. Only exactly specified operations are used (no Math.sin, and ** only where
the result is exact: implementation-approximated results differ between libm and V8), no
Math.random, no Date, no regular expressions, generators, with, eval, tagged templates or
BigInt, and nothing that differs between a CommonJS module (node) and a script (Strata): top-level names are never read back
through globalThis.
"""

import random

EDGE_INTS = ["0", "1", "-1", "2", "3", "7", "-7", "31", "32", "255", "65535", "65536",
             "2147483647", "-2147483648", "2147483646", "-2147483647", "1073741824",
             "4294967295", "4294967296", "46341", "-46341"]
EDGE_DOUBLES = ["-0", "0.5", "-0.5", "1.5", "-2.5", "0.1", "1e21", "-1e-7", "NaN",
                "Infinity", "-Infinity", "2147483648", "-2147483649", "9007199254740991",
                "9007199254740992", "5e-324", "1.7976931348623157e308", "0.30000000000000004"]
ODD_VALUES = ["'3'", "'-0'", "''", "' 12 '", "'x'", "'0x10'", "undefined", "null", "true",
              "false", "[]", "[7]", "[1, 2]", "{}", "{ valueOf() { return 5; } }",
              "{ valueOf() { return -0; } }", "{ toString() { return '9'; } }"]

BINOPS = ["+", "-", "*", "/", "%", "|", "&", "^", "<<", ">>", ">>>"]
CMPOPS = ["<", "<=", ">", ">=", "==", "===", "!=", "!=="]

PRELUDE = [
    "let H = 0;",
    """function show(v) {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.length + ':' + v.map(function (x) { return typeof x === 'object' && x !== null ? 'o' : show(x); }).join(',') + ']';
  if (typeof v === 'object' && v !== null) return '{' + Object.keys(v).join(',') + '}';
  if (typeof v === 'function') return 'fn';
  return String(v);
}""",
    """function ck(v) {
  const s = show(v);
  for (let i = 0; i < s.length; i++) H = (Math.imul(H, 31) + s.charCodeAt(i)) | 0;
  return v;
}""",
]


class Gen:
    """One program's generator; all randomness comes from the seeded Random."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.n = 0

    def pick(self, xs):
        return self.r.choice(xs)

    def chance(self, p):
        return self.r.random() < p

    def num(self):
        r = self.r.random()
        if r < 0.45:
            return self.pick(EDGE_INTS)
        if r < 0.75:
            return str(self.r.randint(-100, 100))
        return self.pick(EDGE_DOUBLES)

    def operand(self, names):
        return self.pick(names) if self.chance(0.7) else "(" + self.num() + ")"

    def expr(self, names, depth):
        """A numeric-ish expression over `names` (exact operations only)."""
        if depth <= 0 or self.chance(0.25):
            return self.operand(names)
        k = self.r.random()
        a = self.expr(names, depth - 1)
        if k < 0.55:
            return "(%s %s %s)" % (a, self.pick(BINOPS), self.expr(names, depth - 1))
        if k < 0.65:
            return "(%s ? %s : %s)" % ("(%s %s %s)" % (a, self.pick(CMPOPS),
                                                       self.expr(names, depth - 1)),
                                       self.expr(names, depth - 1), self.expr(names, depth - 1))
        if k < 0.75:
            return "(%s(%s))" % (self.pick(["-", "~", "+", "!"]), a)
        if k < 0.85:
            f = self.pick(["Math.floor", "Math.ceil", "Math.round", "Math.trunc", "Math.abs",
                           "Math.sign", "Math.sqrt", "Math.fround", "Math.clz32"])
            return "%s(%s)" % (f, a)
        if k < 0.92:
            f = self.pick(["Math.min", "Math.max", "Math.imul"])
            return "%s(%s, %s)" % (f, a, self.expr(names, depth - 1))
        if k < 0.96:
            # Integer bases below 2^10 and exponents up to 3 keep ** exact: pow() from libm and
            # V8 round differently when the result is not representable (a tie, e.g.
            # 402653084 ** 2; see tests/js/fuzz/_open), which the spec leaves open.
            return "(((%s | 0) %% 1024) ** %d)" % (a, self.r.randint(0, 3))
        return "(%s %s %s)" % (a, self.pick(["&&", "||", "??"]), self.expr(names, depth - 1))

    def values(self, count):
        out = []
        for _ in range(count):
            r = self.r.random()
            out.append(self.num() if r < 0.75 else self.pick(ODD_VALUES))
        return out

    # --- sections -------------------------------------------------------------------------

    def sec_arith(self, k):
        """Arithmetic warmed up with int32s, then fed edges, doubles and other types."""
        body = self.expr(["a", "b"], self.r.randint(2, 4))
        warm = self.r.choice([100, 200, 300])
        lo = self.pick(["-100", "0", "2147483547", "-2147483600", "1073741800"])
        step = self.pick(["1", "3", "7", "65536", "16777216"])
        late = ", ".join(self.values(self.r.randint(6, 14)))
        return [
            "function ar_%d(a, b) {\n  return %s;\n}" % (k, body),
            """function arDrive_%d() {
  let x = %s;
  for (let i = 0; i < %d; i++) { ck(ar_%d(x, i - 50)); x = (x + %s) | 0; }
  const late = [%s];
  for (let i = 0; i < late.length; i++) for (let j = 0; j < late.length; j += 3) ck(ar_%d(late[i], late[j]));
  print('ar_%d', show(ar_%d(late[0], late[1])), show(ar_%d(late[late.length - 1], -1)), H);
}""" % (k, lo, warm, k, step, late, k, k, k, k),
            "arDrive_%d();" % k,
        ]

    def sec_overflow(self, k):
        """Loops that cross the int32 edges in an accumulator."""
        start = self.pick(["2147483600", "-2147483600", "1073741823", "0", "-1"])
        op = self.pick(["acc + i", "acc - i", "acc * 3 + i", "acc * -1", "acc + 2147483647",
                        "(acc << 1) + i", "acc / 2", "acc % (i - 20)", "-acc", "acc * acc",
                        "(acc | 0) + (acc | 0)", "acc - 0.5", "Math.abs(acc) * -1"])
        trips = self.r.randint(40, 260)
        return ["""function ov_%d(n) {
  let acc = %s;
  for (let i = 0; i < n; i++) {
    acc = %s;
    if (!(Math.abs(acc) < 1e300)) acc = i;
    ck(acc);
  }
  return acc;
}""" % (k, start, op),
                "print('ov_%d', show(ov_%d(%d)), show(ov_%d(5)), H);" % (k, k, trips, k)]

    def sec_negzero(self, k):
        """-0, NaN and fractions coming out of int-looking code."""
        exprs = ["a * b", "a / b", "a % b", "-a", "a * -1 + 0", "Math.round(a / b)",
                 "Math.min(a, b)", "Math.max(a, b)", "(a / b) | 0", "Math.ceil(a / b)",
                 "a - a", "0 * b", "b % a", "Math.trunc(a / b)", "Math.sign(a) * 0"]
        e = self.pick(exprs)
        pairs = [(self.pick(["0", "-1", "1", "-0", "5", "-5", "2147483647"]),
                  self.pick(["0", "-1", "1", "-0", "3", "-3", "-2147483648"])) for _ in range(6)]
        calls = "\n".join("  r = nz_%d(%s, %s); ck(r); print('nz_%d', 1 / r, Object.is(r, -0), r !== r);"
                          % (k, a, b, k) for a, b in pairs)
        return ["function nz_%d(a, b) { return %s; }" % (k, e),
                """function nzDrive_%d() {
  let r;
  for (let i = 1; i < 200; i++) ck(nz_%d(i, i + 1));
%s
}""" % (k, k, calls),
                "nzDrive_%d();" % k]

    def sec_typechange(self, k):
        """A function called 200 times with ints, then with other types."""
        body = self.pick(["a + b", "a * 2 + b", "a < b ? a : b", "a == b", "'' + a + b",
                          "a - b", "typeof a + (a > 0)", "a ? b : a", "(a + 1) * (b - 1)",
                          "a === b ? 1 : a + 0.5"])
        seq = ", ".join(self.values(self.r.randint(5, 12)))
        return ["function tc_%d(a, b) { return %s; }" % (k, body),
                """function tcDrive_%d() {
  for (let i = 0; i < 200; i++) ck(tc_%d(i, i ^ 5));
  const vs = [%s];
  for (let i = 0; i < vs.length; i++) print('tc_%d', i, show(tc_%d(vs[i], vs[(i + 1) %% vs.length])));
  for (let i = 0; i < 50; i++) ck(tc_%d(i, i));
  print('tc_%d', H);
}""" % (k, k, seq, k, k, k, k),
                "tcDrive_%d();" % k]

    def sec_shapes(self, k):
        """Objects whose shapes differ, change, lose properties or gain accessors."""
        props = ["x", "y", "z", "w"][:self.r.randint(2, 4)]
        orders = []
        for _ in range(3):
            p = props[:]
            self.r.shuffle(p)
            orders.append(p)
        makers = []
        for i, order in enumerate(orders):
            makers.append("function mk%d_%d(v) { const o = {}; %s return o; }" % (
                i, k, " ".join("o.%s = v + %d;" % (p, j) for j, p in enumerate(order))))
        read = " + ".join("o.%s" % p for p in props)
        twist = self.pick([
            "delete o.%s;" % props[0],
            "o.%s = 'str';" % props[-1],
            "Object.defineProperty(o, '%s', { get() { cnt_%d++; return 100; } });" % (props[0], k),
            "o.%s = undefined;" % props[1],
            "Object.setPrototypeOf(o, { %s: -1 }); delete o.%s;" % (props[0], props[0]),
            "o.extra = 1; o.extra2 = 2;",
            "Object.freeze(o);",
        ])
        return makers + ["let cnt_%d = 0;" % k,
                         "function rd_%d(o) { return %s; }" % (k, read),
                         """function shDrive_%d() {
  for (let i = 0; i < 200; i++) ck(rd_%d(mk%d_%d(i)));
  for (let i = 0; i < 60; i++) ck(rd_%d(i %% 3 === 0 ? mk1_%d(i) : i %% 3 === 1 ? mk2_%d(i) : mk0_%d(i)));
  const o = mk0_%d(7);
  %s
  print('sh_%d', show(rd_%d(o)), cnt_%d, show(o), H);
  for (let i = 0; i < 30; i++) ck(rd_%d(i < 15 ? o : mk1_%d(i)));
  print('sh_%d', cnt_%d, H);
}""" % (k, k, self.r.randint(0, 2), k, k, k, k, k, k, twist, k, k, k, k, k, k, k),
                         "shDrive_%d();" % k]

    def sec_proto(self, k):
        """A class whose prototype method is replaced after warm-up; a subclass overrides."""
        body1 = self.pick(["this.v + n", "this.v * n", "this.v - n | 0", "this.v + '' + n"])
        body2 = self.pick(["this.v - n", "n / 2", "'s' + n", "undefined", "-0"])
        return ["""class Pc_%d {
  constructor(v) { this.v = v; }
  m(n) { return %s; }
  get g() { return this.v * 2; }
}""" % (k, body1),
                """class Pd_%d extends Pc_%d {
  m(n) { return super.m(n) + 1; }
}""" % (k, k),
                """function pcDrive_%d() {
  const a = new Pc_%d(3), b = new Pd_%d(4);
  for (let i = 0; i < 200; i++) ck(a.m(i) + b.m(i) + a.g);
  Pc_%d.prototype.m = function (n) { return %s; };
  for (let i = 0; i < 20; i++) ck(a.m(i)); 
  print('pc_%d', show(a.m(3)), show(b.m(3)), show(b.g), H);
  Object.defineProperty(Pc_%d.prototype, 'g', { get() { return 'gg'; } });
  print('pc_%d', show(a.g), show(b.g));
}""" % (k, k, k, k, body2, k, k, k),
                "pcDrive_%d();" % k]

    def sec_arrays(self, k):
        """Holey and out-of-bounds reads, element kinds that change, length writes."""
        init = self.pick(["[1, 2, 3, 4, 5]", "[1, , 3, , 5]", "[0.5, 1.5, 2.5]", "[]",
                          "new Array(6)", "[1, 'two', 3]", "[-0, 0, -0]"])
        change = self.pick(["arr.push(0.5);", "arr.push('s');", "arr[10] = 1;",
                            "arr.length = 1;", "arr[1] = undefined;", "delete arr[0];",
                            "arr.unshift(-1);", "arr.pop();", "arr[-1] = 9;",
                            "arr.push({});", "arr.reverse();", "arr.fill(-0);"])
        idx = self.pick(["i % (arr.length + 2)", "i % 7 - 1", "i & 3", "arr.length - 1 - (i % 4)",
                         "i"])
        return ["function ga_%d(arr, i) { const v = arr[i]; return v === undefined ? -1 : v; }" % k,
                "function sa_%d(arr) { let s = 0; for (let i = 0; i < arr.length; i++) s += arr[i] | 0; return s; }" % k,
                """function arrDrive_%d() {
  const arr = %s;
  const n0 = arr.length + 3;
  for (let i = 0; i < n0; i++) arr[i] = arr[i] === undefined ? i : arr[i];
  for (let i = 0; i < 200; i++) { ck(ga_%d(arr, %s)); ck(sa_%d(arr)); }
  %s
  for (let i = 0; i < 40; i++) { ck(ga_%d(arr, %s)); ck(sa_%d(arr)); }
  print('arr_%d', show(arr), show(ga_%d(arr, 100)), show(ga_%d(arr, -1)), sa_%d(arr), H);
  const h = [1, , 3];
  let c = 0;
  for (let i = 0; i < 100; i++) c += ga_%d(i < 90 ? arr : h, i %% 4);
  print('arr_%d', c, 1 in h, h.length, H);
}""" % (k, init, k, idx, k, change, k, idx, k, k, k, k, k, k, k),
                "arrDrive_%d();" % k]

    def sec_throw(self, k):
        """Exceptions thrown from small (inlinable) callees, caught in callers."""
        thrown = self.pick(["new Error('e' + n)", "new RangeError('r')", "n", "'str' + n",
                            "{ code: n }", "undefined", "null", "new TypeError('t' + n)"])
        cond = self.pick(["n === 150", "n % 37 === 36", "n > 190", "typeof n !== 'number'",
                          "n === -0 && 1 / n < 0", "n % 50 === 0"])
        show_e = "e instanceof Error ? e.name + ':' + e.message : show(e)"
        return ["function th_%d(n) { if (%s) throw %s; return n + 1; }" % (k, cond, thrown),
                "function mid_%d(n) { return th_%d(n) * 2; }" % (k, k),
                """function thDrive_%d() {
  let caught = 0, fin = 0, last = '';
  for (let i = 0; i < 200; i++) {
    try { ck(mid_%d(i)); } catch (e) { caught++; last = %s; } finally { fin++; }
  }
  const odd = [-0, 'x', 150, 1.5];
  for (let i = 0; i < odd.length; i++) {
    try { ck(mid_%d(odd[i])); } catch (e) { caught++; last = %s; }
  }
  function f() { try { return mid_%d(150); } finally { fin += 10; } }
  try { ck(f()); } catch (e) { last = 'f:' + (%s); }
  print('th_%d', caught, fin, last, H);
}""" % (k, k, show_e, k, show_e, k, show_e, k),
                "thDrive_%d();" % k]

    def sec_accessors(self, k):
        """Getters and setters with side effects, redefined after warm-up."""
        return ["""const acc_%d = {
  log: 0,
  _v: 1,
  get v() { this.log++; return this._v; },
  set v(x) { this.log += 2; this._v = x * 2; },
};""" % k,
                "function accStep_%d(o, i) { o.v = o.v + i; return o.v; }" % k,
                """function accDrive_%d() {
  for (let i = 0; i < 120; i++) { ck(accStep_%d(acc_%d, i %% 5)); if (acc_%d._v > 1e6) acc_%d._v = %s; }
  print('acc_%d', acc_%d.log, show(acc_%d._v), H);
  Object.defineProperty(acc_%d, 'v', { value: %s, writable: true });
  for (let i = 0; i < 20; i++) ck(accStep_%d(acc_%d, i));
  print('acc_%d', acc_%d.log, show(acc_%d.v), H);
}""" % (k, k, k, k, k, self.pick(["-1", "0.5", "-0", "2147483647"]), k, k, k, k,
                        self.pick(["3", "'s'", "-0", "1.5", "undefined"]), k, k, k, k, k),
                "accDrive_%d();" % k]

    def sec_closures(self, k):
        """Closures capturing loop variables (let per iteration, var shared), mutated later."""
        op = self.pick(["i * m", "i + m", "'' + i + m", "i - m | 0", "m / (i + 1)"])
        return ["""function clDrive_%d() {
  const fs = [];
  let m = %s;
  for (let i = 0; i < 8; i++) fs.push(function () { return %s; });
  var gs = [];
  for (var j = 0; j < 4; j++) gs.push(() => j * m);
  let s = 0;
  for (let r = 0; r < 60; r++) { for (let q = 0; q < fs.length; q++) ck(fs[q]()); if (r === 40) m = %s; }
  for (let q = 0; q < gs.length; q++) ck(gs[q]());
  let counter = 0;
  const inc = () => ++counter;
  for (let r = 0; r < 150; r++) s = (s + inc()) | 0;
  print('cl_%d', show(fs[3]()), show(gs[0]()), s, counter, H);
}""" % (k, self.pick(["2", "-1", "0.5"]), op, self.pick(["'m'", "-0", "2147483647", "1.5"]), k),
                "clDrive_%d();" % k]

    def sec_recursion(self, k):
        """Deep but bounded recursion, with a type change at the base."""
        depth = self.r.randint(200, 2000)
        base = self.pick(["0", "0.5", "'b'", "-0", "null"])
        return ["function rc_%d(n, base) { return n <= 0 ? base : rc_%d(n - 1, base) + (n & 3); }" % (k, k),
                "function fib_%d(n) { return n < 2 ? n : fib_%d(n - 1) + fib_%d(n - 2); }" % (k, k, k),
                """function rcDrive_%d() {
  for (let i = 0; i < 30; i++) ck(rc_%d(i * 3, 0));
  print('rc_%d', show(rc_%d(%d, 0)), show(rc_%d(%d, %s)), fib_%d(%d), H);
}""" % (k, k, k, k, depth, k, self.r.randint(1, 40), base, k, self.r.randint(10, 18)),
                "rcDrive_%d();" % k]

    def sec_strings(self, k):
        """String building, comparison, number-to-string conversion at the edges."""
        nums = ", ".join(self.pick(EDGE_INTS + EDGE_DOUBLES) for _ in range(6))
        return ["""function stDrive_%d() {
  let s = '';
  const ns = [%s];
  for (let i = 0; i < 150; i++) { s += String.fromCharCode(97 + i %% 26); if (i %% 10 === 0) s += ns[i %% ns.length]; }
  ck(s);
  let lt = 0;
  for (let i = 1; i < s.length; i++) if (s[i - 1] < s[i]) lt++;
  const t = `${ns[0]}|${ns[1] * 2}|${-ns[2]}|${ns[3] + 'x'}`;
  print('st_%d', s.length, lt, s.slice(%d, %d), s.indexOf('k'), t, H);
  print('st_%d', ns.map(function (x) { return Number.isInteger(x) && Math.abs(x) < 2 ** 53 ? x.toString(16) : String(x); }).join(), String(ns[4] / 3), (ns[5] * 1.1).toFixed(3));
  print('st_%d', 'abc' < 'abd', 'a' + 1 + 2, 1 + 2 + 'a', 'Z' < 'a', '10' < '9', 10 < 9, '10' < 9);
}""" % (k, nums, k, self.r.randint(0, 20), self.r.randint(20, 60), k, k),
                "stDrive_%d();" % k]

    def sec_poly(self, k):
        """A call site that sees one target for a long time, then several."""
        fs = ["x => x + 1", "x => x * 2", "function (x) { return -x; }", "x => '' + x",
              "x => x / 3", "function (x) { return this === undefined ? x : 0; }", "Math.abs"]
        chosen = [self.pick(fs) for _ in range(3)]
        return ["const pf_%d = [%s];" % (k, ", ".join(chosen)),
                "function call_%d(f, x) { return f(x); }" % k,
                """function pfDrive_%d() {
  for (let i = 0; i < 200; i++) ck(call_%d(pf_%d[0], i));
  for (let i = 0; i < 60; i++) ck(call_%d(pf_%d[i %% 3], i %% 2 ? i : i + 0.5));
  print('pf_%d', show(call_%d(pf_%d[1], -0)), show(call_%d(pf_%d[2], 'q')), show(call_%d(pf_%d[0], 2147483647)), H);
  try { call_%d(%s, 1); } catch (e) { print('pf_%d', e.name); }
}""" % (k, k, k, k, k, k, k, k, k, k, k, k, k,
        self.pick(["undefined", "{}", "5", "null"]), k),
                "pfDrive_%d();" % k]

    def sec_osr(self, k):
        """A long loop whose variables change type midway (for on-stack replacement)."""
        n = self.r.randint(1000, 5000)
        at = self.r.randint(100, n - 1)
        change = self.pick(["x = 0.5;", "x = 'q';", "x = -0;", "x = 2147483647;",
                            "y = undefined;", "y = {};", "x = null;", "arr.push(1.5);"])
        return ["""function osr_%d() {
  let x = 1, y = 2, s = 0;
  const arr = [1, 2, 3];
  for (let i = 0; i < %d; i++) {
    if (i === %d) { %s }
    s = (s + x + y + arr[i %% arr.length]) %% 1000003;
    x = x + 1;
  }
  return [s, x, y];
}""" % (k, n, at, change),
                "print('osr_%d', show(osr_%d()), H);" % (k, k)]

    def sec_args(self, k):
        """arguments, rest and default parameters, destructuring in a hot function."""
        return ["function ag_%d(a, b = a * 2, ...rest) { const { length } = rest; return a + b + length + (arguments.length > 3 ? arguments[3] : 0); }" % k,
                "function ds_%d({ p = 1, q } = {}, [r, , t = 4] = []) { return p * 10 + (q | 0) + r + t; }" % k,
                """function agDrive_%d() {
  for (let i = 0; i < 200; i++) ck(ag_%d(i, undefined, 1, i & 7));
  print('ag_%d', show(ag_%d(1)), show(ag_%d('s', 2, 3, 4, 5)), show(ag_%d(-0, -0)), H);
  for (let i = 0; i < 100; i++) ck(ds_%d({ p: i, q: i * 2 }, [i, 0]));
  print('ag_%d', show(ds_%d()), show(ds_%d({ q: 'z' }, [1, 2, 3])), H);
}""" % (k, k, k, k, k, k, k, k, k, k),
                "agDrive_%d();" % k]

    def sec_collections(self, k):
        """Map, Set and JSON round trips with numeric edge keys."""
        keys = ", ".join(self.pick(EDGE_INTS + ["-0", "NaN", "0.5", "'1'", "'a'"]) for _ in range(8))
        return ["""function coDrive_%d() {
  const m = new Map(), st = new Set();
  const ks = [%s];
  for (let i = 0; i < 100; i++) { const key = ks[i %% ks.length]; m.set(key, (m.get(key) || 0) + i); st.add(key); }
  const out = [];
  m.forEach(function (v, key) { out.push(show(key) + '=' + v); });
  print('co_%d', m.size, st.size, out.join(' '), m.has(-0), st.has(NaN));
  const o = { a: ks[0], b: [ks[1], ks[2]], c: { d: ks[3] } };
  print('co_%d', JSON.stringify(o), JSON.stringify(JSON.parse(JSON.stringify(ks))));
}""" % (k, keys, k, k),
                "coDrive_%d();" % k]

    SECTIONS = ["sec_arith", "sec_arith", "sec_overflow", "sec_negzero", "sec_typechange",
                "sec_shapes", "sec_proto", "sec_arrays", "sec_throw", "sec_accessors",
                "sec_closures", "sec_recursion", "sec_strings", "sec_poly", "sec_osr",
                "sec_args", "sec_collections"]

    def program(self, sections=None):
        count = sections or self.r.randint(4, 9)
        items = list(PRELUDE)
        for k in range(count):
            name = self.pick(self.SECTIONS)
            items += getattr(self, name)(k)
        items.append("print('end', H);")
        return "\n".join(items) + "\n"


def generate(seed, sections=None):
    """The program for `seed` (the same text every time)."""
    return Gen(seed).program(sections)
