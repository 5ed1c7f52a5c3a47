"""Compile figures from Strata's --stats files (sweeplib/compiles.py): known medians,
95th percentiles and per-bytecode work on synthetic stats files; failed cells and aborted
compiles stay out of the time figures."""
import json
import os
import tempfile
import unittest

from sweeplib import compiles


def compile_record(tier, bytecodes, ms, ok=True, osr=False, code_bytes=100):
    # work = ir_build + passes + backend; total includes a queue wait, which must not count.
    return {"function": f"f{bytecodes} (x.js:1:1)", "tier": tier, "ok": ok, "osr": osr, "bytecodes": bytecodes,
            "ir_insns": 3 * bytecodes, "code_bytes": code_bytes, "ir_build_ms": 0.1 * ms, "passes_ms": 0.1 * ms,
            "backend_ms": 0.8 * ms, "total_ms": ms + 50.0}


class CompilesTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="compiles-test-")
        os.makedirs(os.path.join(self.dir, "cells"))
        self.plan = {"engines": [{"name": "a"}, {"name": "b"}], "cells": []}
        self.records = {}

    def add_cell(self, engine, bench, inv, compiles_, deopts=0, status="ok"):
        cid = f"{engine}__{bench}__{inv}"
        self.plan["cells"].append({"id": cid, "engine": engine, "benchmark": bench, "invocation": inv})
        self.records[cid] = {"status": status}
        with open(os.path.join(self.dir, "cells", cid + ".stats.json"), "w") as f:
            json.dump({"totals": {"deopts": deopts}, "compiles": compiles_}, f)

    def test_known_figures(self):
        # Engine a: 21 llvm compiles of 1..21 ms at 10 bytecodes each, one abort, one OSR.
        recs = [compile_record("llvm", 10, float(ms), osr=(ms == 3)) for ms in range(1, 22)]
        recs.append(compile_record("llvm", 10, 999.0, ok=False))
        self.add_cell("a", "x", 0, recs[:11], deopts=4)
        self.add_cell("a", "y", 0, recs[11:], deopts=2)
        # A failed cell's compiles do not count.
        self.add_cell("a", "z", 0, [compile_record("llvm", 1, 5000.0)], status="failed")
        # Engine b: two tiers.
        self.add_cell("b", "x", 0, [compile_record("baseline", 100, 0.02, code_bytes=9000),
                                     compile_record("mid", 50, 2.0)])
        rows, per_cell = compiles.load(self.dir, self.plan, self.records)
        self.assertEqual(len(rows), 24)
        summary = compiles.summarize(self.plan, rows, per_cell)
        self.assertEqual([(r["engine"], r["tier"]) for r in summary], [("a", "llvm"), ("b", "baseline"), ("b", "mid")])
        a = summary[0]
        self.assertEqual((a["processes"], a["attempts"], a["aborts"], a["osr"]), (2, 22, 1, 1))
        self.assertAlmostEqual(a["work_ms_median"], 11.0)
        self.assertAlmostEqual(a["work_ms_p95"], 20.0)  # 1..21: position 19 of 0..20
        self.assertAlmostEqual(a["work_ms_total_per_process"], sum(range(1, 22)) / 2)
        self.assertAlmostEqual(a["us_per_bytecode_median"], 1100.0)
        self.assertAlmostEqual(a["deopts_per_process"], 3.0)
        base = summary[1]
        self.assertAlmostEqual(base["us_per_bytecode_median"], 0.2)
        self.assertAlmostEqual(base["code_bytes_per_bytecode_median"], 90.0)
        table = compiles.markdown(summary)
        self.assertEqual(len(table), 2 + 3)
        self.assertIn("| a | llvm | 22 (1, 1) | 11 / 20 |", table[2])

    def test_no_stats_no_table(self):
        self.plan["cells"].append({"id": "a__x__0", "engine": "a", "benchmark": "x", "invocation": 0})
        self.records["a__x__0"] = {"status": "ok"}
        rows, per_cell = compiles.load(self.dir, self.plan, self.records)
        self.assertEqual((rows, per_cell), ([], {}))
        self.assertEqual(compiles.markdown(compiles.summarize(self.plan, rows, per_cell)), [])


if __name__ == "__main__":
    unittest.main()
