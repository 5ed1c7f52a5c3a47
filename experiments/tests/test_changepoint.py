"""Changepoints (PELT) on synthetic series with known changepoints, and the warm-up
classification of synthetic flat / warmup / slowdown / no-steady-state series."""
import unittest

import numpy as np

from sweeplib import changepoint as cp


def series(*parts, seed=0, noise=0.01):
    """Concatenated segments (level, length) with relative Gaussian noise."""
    rng = np.random.default_rng(seed)
    out = []
    for level, n in parts:
        out.append(level * (1 + rng.normal(0, noise, n)))
    return np.concatenate(out)


class PeltTest(unittest.TestCase):
    def assertNear(self, found, expected, tol=2):
        self.assertEqual(len(found), len(expected), f"found {found}, expected {expected}")
        for f, e in zip(found, expected):
            self.assertLessEqual(abs(f - e), tol, f"found {found}, expected {expected}")

    def test_mean_changes(self):
        for seed in range(5):
            x = series((10, 100), (20, 100), (15, 100), seed=seed, noise=0.05)
            self.assertNear(cp.pelt(x), [100, 200])

    def test_variance_change_only(self):
        # The cost models variance too (cpt.meanvar), so a change in spread is found.
        rng = np.random.default_rng(1)
        x = np.concatenate([100 + rng.normal(0, 0.5, 150), 100 + rng.normal(0, 8.0, 150)])
        self.assertNear(cp.pelt(x), [150], tol=6)

    def test_no_changepoint_in_noise(self):
        for seed in range(10):
            x = series((100, 200), seed=seed, noise=0.02)
            self.assertEqual(cp.pelt(x), [], f"seed {seed}")

    def test_short_warmup(self):
        x = series((300, 3), (100, 37), seed=3)
        self.assertEqual(cp.pelt(x), [3])

    def test_scale_invariance(self):
        x = series((10, 30), (13, 30), seed=4)
        self.assertEqual(cp.pelt(x), cp.pelt(x * 1000.0))
        self.assertEqual(cp.pelt(x), cp.pelt(x / 1000.0))

    def test_quantized_constant_series(self):
        # Identical readings (a coarse timer) must not produce spurious zero-variance segments.
        x = np.array([5.0] * 40)
        self.assertEqual(cp.pelt(x), [])
        y = np.array([5.0] * 20 + [5.001] * 20)
        self.assertLessEqual(len(cp.pelt(y)), 1)

    def test_matches_optimal_partitioning(self):
        # Pruning must never change the optimum: compare with the exhaustive search.
        rng = np.random.default_rng(42)
        for trial in range(300):
            n = int(rng.integers(4, 50))
            x = rng.normal(0, 1, n) + (np.arange(n) > n // 3) * rng.normal(0, 4)
            x = x * rng.choice([1e-3, 1.0, 1e3]) + rng.choice([0.0, 100.0])
            pen = float(rng.uniform(0.5, 30))
            ms = int(rng.integers(2, 5))
            self.assertEqual(cp.pelt(x, pen, ms), cp.pelt(x, pen, ms, prune=False), f"trial {trial}")

    def test_min_segment(self):
        with self.assertRaises(ValueError):
            cp.pelt([1.0, 2.0, 3.0, 4.0], min_segment=1)
        self.assertEqual(cp.pelt([1.0, 2.0, 3.0]), [])  # too short for two segments
        x = series((300, 6), (100, 30), seed=5)
        cps = cp.pelt(x, min_segment=4)
        bounds = [0] + cps + [len(x)]
        self.assertTrue(all(b - a >= 4 for a, b in zip(bounds, bounds[1:])))

    def test_segments_of(self):
        segs = cp.segments_of([1.0, 3.0, 10.0, 10.0], [2])
        self.assertEqual([(s, e) for s, e, _, _ in segs], [(0, 2), (2, 4)])
        self.assertAlmostEqual(segs[0][2], 2.0)
        self.assertAlmostEqual(segs[0][3], 1.0)  # MLE variance
        self.assertAlmostEqual(segs[1][3], 0.0)


class ClassifyTest(unittest.TestCase):
    def classify(self, x, **kw):
        return cp.analyse_invocation(x, **kw)

    def test_flat(self):
        for seed in range(5):
            r = self.classify(series((100, 40), seed=seed))
            self.assertEqual(r["classification"], cp.FLAT)
            self.assertEqual(r["steady_start"], 0)

    def test_warmup(self):
        r = self.classify(series((300, 5), (100, 35), seed=1))
        self.assertEqual(r["classification"], cp.WARMUP)
        self.assertEqual(r["steady_start"], 5)

    def test_warmup_in_two_steps(self):
        r = self.classify(series((400, 4), (200, 6), (100, 30), seed=2))
        self.assertEqual(r["classification"], cp.WARMUP)
        self.assertEqual(r["steady_start"], 10)

    def test_slowdown(self):
        r = self.classify(series((100, 20), (160, 20), seed=3))
        self.assertEqual(r["classification"], cp.SLOWDOWN)
        self.assertEqual(r["steady_start"], 20)

    def test_no_steady_state(self):
        # The last change happens inside the final 25% of the run.
        r = self.classify(series((100, 34), (150, 6), seed=4))
        self.assertEqual(r["classification"], cp.NO_STEADY_STATE)
        self.assertIsNone(r["steady_start"])

    def test_equivalent_segments_merge(self):
        # A 0.3 ms step is a real changepoint for PELT (tiny noise) but within delta=1ms.
        x = series((100.0, 20), (100.3, 20), seed=5, noise=0.0005)
        r = self.classify(x)
        self.assertEqual(r["changepoints"], [20])
        self.assertEqual(r["classification"], cp.FLAT)
        self.assertEqual(r["steady_start"], 0)
        # With a smaller delta it is a slowdown.
        self.assertEqual(self.classify(x, delta="0.1ms")["classification"], cp.SLOWDOWN)

    def test_relative_delta(self):
        x = series((100.0, 20), (103.0, 20), seed=6, noise=0.0005)
        self.assertEqual(self.classify(x, delta="5%")["classification"], cp.FLAT)
        self.assertEqual(self.classify(x, delta="1%")["classification"], cp.SLOWDOWN)

    def test_trailing_equivalent_run_sets_steady_start(self):
        segs = [(0, 5, 300.0, 1.0), (5, 20, 100.0, 1.0), (20, 40, 100.2, 1.0)]
        cls, start = cp.classify_segments(segs, 40)
        self.assertEqual(cls, cp.WARMUP)
        self.assertEqual(start, 5)

    def test_slower_segment_after_faster_one_is_slowdown(self):
        segs = [(0, 5, 300.0, 1.0), (5, 20, 80.0, 1.0), (20, 40, 100.0, 1.0)]
        self.assertEqual(cp.classify_segments(segs, 40)[0], cp.SLOWDOWN)

    def test_steady_fraction(self):
        segs = [(0, 30, 100.0, 1.0), (30, 40, 50.0, 1.0)]
        self.assertEqual(cp.classify_segments(segs, 40, steady_fraction=0.25)[0], cp.WARMUP)
        self.assertEqual(cp.classify_segments(segs, 40, steady_fraction=0.5)[0], cp.NO_STEADY_STATE)

    def test_parse_delta(self):
        self.assertEqual(cp.parse_delta("1ms"), ("abs", 0.001))
        self.assertEqual(cp.parse_delta("2s"), ("abs", 2.0))
        self.assertEqual(cp.parse_delta("250us"), ("abs", 0.00025))
        self.assertEqual(cp.parse_delta("1.5%"), ("rel", 0.015))
        self.assertEqual(cp.parse_delta(0.002), ("abs", 0.002))
        for bad in ("fast", "-1ms", "1 parsec", True):
            with self.assertRaises(ValueError):
                cp.parse_delta(bad)

    def test_summarize_classes(self):
        self.assertEqual(cp.summarize_classes([cp.FLAT, cp.FLAT]), cp.FLAT)
        self.assertEqual(cp.summarize_classes([cp.WARMUP] * 3), cp.WARMUP)
        self.assertEqual(cp.summarize_classes([cp.FLAT, cp.WARMUP]), cp.GOOD_INCONSISTENT)
        self.assertEqual(cp.summarize_classes([cp.FLAT, cp.SLOWDOWN]), cp.BAD_INCONSISTENT)
        self.assertEqual(cp.summarize_classes([cp.WARMUP, cp.NO_STEADY_STATE]), cp.BAD_INCONSISTENT)
        self.assertEqual(cp.summarize_classes([]), "")


if __name__ == "__main__":
    unittest.main()
