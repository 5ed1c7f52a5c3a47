"""Sweep definitions: valid configs load with defaults; every kind of bad input is an
error that names the key and its line, before anything runs."""
import json
import os
import unittest

from sweeplib import config as cfgmod

GOOD = """\
name = "t"
benchmarks = ["richards", "nbody"]
invocations = 2
iterations = 3
baseline = "b"

[[engines]]
name = "a"
command = ["node"]

[[engines]]
name = "b"
command = ["{strata}", "--stats={stats_file}"]
env = { X = "1" }
"""


def err_of(text, path="x.toml"):
    try:
        cfgmod.loads(text, path=path)
    except cfgmod.ConfigError as e:
        return e
    raise AssertionError("no error")


class LoadTest(unittest.TestCase):
    def test_good_config_and_defaults(self):
        c = cfgmod.loads(GOOD, path="x.toml")
        self.assertEqual(c.name, "t")
        self.assertEqual([e.name for e in c.engines], ["a", "b"])
        self.assertEqual(c.benchmarks, ["richards", "nbody"])
        self.assertEqual(c.data["timeout"], 300)
        self.assertEqual(c.data["metric"], "time")
        self.assertEqual(c.data["analysis"]["penalty_factor"], 15)
        self.assertEqual(c.data["instructions"]["iterations"], 3)
        self.assertTrue(c.engine("b").uses("stats_file"))
        self.assertFalse(c.engine("a").uses("stats_file"))
        self.assertEqual(c.engine("b").env, {"X": "1"})

    def test_all_benchmarks(self):
        c = cfgmod.loads(GOOD.replace('["richards", "nbody"]', '"all"'), path="x.toml")
        self.assertEqual(c.benchmarks, cfgmod.available_benchmarks())
        self.assertGreaterEqual(len(c.benchmarks), 18)
        self.assertNotIn("harness", c.benchmarks)

    def test_hash_changes_with_content(self):
        a = cfgmod.loads(GOOD, path="x.toml").hash()
        b = cfgmod.loads(GOOD.replace("iterations = 3", "iterations = 4"), path="x.toml").hash()
        self.assertNotEqual(a, b)
        self.assertEqual(a, cfgmod.loads(GOOD + "\n# comment\n", path="x.toml").hash())

    def test_shipped_configs_load(self):
        for name in ("default.toml", "smoke.toml"):
            c = cfgmod.load(os.path.join(cfgmod.EXPERIMENTS_DIR, "configs", name))
            self.assertTrue(c.engines)
            self.assertIn(c.data["baseline"], [e.name for e in c.engines])

    def test_default_sweep_has_required_engines(self):
        c = cfgmod.load(os.path.join(cfgmod.EXPERIMENTS_DIR, "configs", "default.toml"))
        commands = [e.command for e in c.engines]
        self.assertIn(["node"], commands)
        self.assertIn(["node", "--jitless"], commands)
        self.assertTrue(any(cmd[0] == "{strata}" and "--tiers=interp" in cmd for cmd in commands))
        self.assertEqual(c.benchmarks, cfgmod.available_benchmarks())


class ErrorTest(unittest.TestCase):
    def check(self, text, line, key, fragment, path="x.toml"):
        e = err_of(text, path)
        self.assertEqual(e.line, line, str(e))
        self.assertEqual(e.key, key, str(e))
        self.assertIn(fragment, e.message, str(e))
        where = f"{path}:{line}" if line else path
        self.assertTrue(str(e).startswith(f"{where}: {key}: "), str(e))

    def test_toml_syntax_error_has_line(self):
        e = err_of(GOOD.replace('iterations = 3', 'iterations = = 3'))
        self.assertEqual(e.line, 4, str(e))
        self.assertIn("TOML syntax error", str(e))

    def test_unknown_top_level_key(self):
        self.check(GOOD.replace("iterations = 3", "iteratons = 3"), 4, "iteratons", "unknown key")

    def test_unknown_engine_key(self):
        self.check(GOOD.replace('env = { X = "1" }', 'enviroment = 3'), 14, "engines[1].enviroment",
                   "unknown key")

    def test_bad_placeholder(self):
        self.check(GOOD.replace("{stats_file}", "{stat_file}"), 13, "engines[1].command",
                   "unknown placeholder {stat_file}")

    def test_unknown_benchmark_in_multiline_array(self):
        text = GOOD.replace('benchmarks = ["richards", "nbody"]', 'benchmarks = [\n  "richards",\n  "nbodyy",\n]')
        self.check(text, 4, "benchmarks", "unknown benchmark 'nbodyy'")

    def test_unknown_baseline_engine(self):
        self.check(GOOD.replace('baseline = "b"', 'baseline = "c"'), 5, "baseline", "unknown engine 'c'")

    def test_wrong_types(self):
        self.check(GOOD.replace("invocations = 2", 'invocations = "2"'), 3, "invocations", "integer >= 1")
        self.check(GOOD.replace("invocations = 2", "invocations = 0"), 3, "invocations", "integer >= 1")
        self.check(GOOD.replace('command = ["node"]', 'command = "node"'), 9, "engines[0].command", "list")
        self.check(GOOD + '\n[analysis]\ndelta = "fast"\n', 17, "analysis.delta", "bad delta")
        self.check('metric = "cycles"\n' + GOOD, 1, "metric", "one of time, instructions")

    def test_missing_required(self):
        self.check(GOOD.replace('name = "t"\n', ""), None, "name", "missing required key")
        self.check(GOOD.replace('command = ["node"]\n', ""), 7, "engines[0].command", "missing required key")

    def test_duplicate_engine(self):
        self.check(GOOD.replace('name = "b"', 'name = "a"'), 12, "engines[1].name", "duplicate engine name")

    def test_bad_engine_name(self):
        self.check(GOOD.replace('name = "a"', 'name = "a b"'), 8, "engines[0].name", "must match")

    def test_engines_must_be_tables(self):
        self.check('name = "t"\nengines = 3\n', 2, "engines", "array of tables")

    def test_unknown_analysis_key(self):
        self.check(GOOD + "\n[analysis]\npenalty = 3\n", 17, "analysis.penalty", "unknown key")


class JsonTest(unittest.TestCase):
    def good(self):
        return {"name": "t", "benchmarks": ["richards", "nbody"], "iterations": 3,
                "engines": [{"name": "a", "command": ["node"]}, {"name": "b", "command": ["node", "--jitless"]}]}

    def test_good(self):
        c = cfgmod.loads(json.dumps(self.good(), indent=2), path="x.json")
        self.assertEqual(c.data["baseline"], "a")
        self.assertEqual(c.data["iterations"], 3)

    def test_syntax_error_line(self):
        text = json.dumps(self.good(), indent=2).replace('"iterations": 3', '"iterations": 3,,')
        e = err_of(text, "x.json")
        self.assertIn("JSON syntax error", str(e))
        lines = text.splitlines()
        self.assertEqual(e.line, next(i for i, l in enumerate(lines, 1) if "3,," in l))

    def test_unknown_key_line(self):
        d = self.good()
        d["engines"][1]["comand"] = ["x"]
        text = json.dumps(d, indent=2)
        e = err_of(text, "x.json")
        self.assertEqual(e.key, "engines[1].comand")
        self.assertIn('"comand"', text.splitlines()[e.line - 1])

    def test_unknown_benchmark_line(self):
        d = self.good()
        d["benchmarks"] = ["richards", "nope"]
        text = json.dumps(d, indent=2)
        e = err_of(text, "x.json")
        self.assertIn('"nope"', text.splitlines()[e.line - 1])


class SelectTest(unittest.TestCase):
    def test_overrides(self):
        c = cfgmod.loads(GOOD, path="x.toml")
        s = cfgmod.select(c, engines=["b"], benchmarks=["nbody"], invocations=1, iterations=2, metric="instructions")
        self.assertEqual([e.name for e in s.engines], ["b"])
        self.assertEqual(s.benchmarks, ["nbody"])
        self.assertEqual(s.data["baseline"], "b")
        self.assertEqual(s.data["metric"], "instructions")
        self.assertEqual(s.data["instructions"]["invocations"], 1)  # the counts in force
        self.assertEqual(s.data["instructions"]["iterations"], 2)
        self.assertEqual(s.data["invocations"], 2)
        self.assertNotEqual(s.hash(), c.hash())
        t = cfgmod.select(c, invocations=4)
        self.assertEqual(t.data["invocations"], 4)

    def test_unknown_names(self):
        c = cfgmod.loads(GOOD, path="x.toml")
        with self.assertRaises(cfgmod.ConfigError) as cm:
            cfgmod.select(c, engines=["zz"])
        self.assertIn("unknown engine 'zz'", str(cm.exception))
        with self.assertRaises(cfgmod.ConfigError) as cm:
            cfgmod.select(c, benchmarks=["zz"])
        self.assertIn("unknown benchmark 'zz'", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
