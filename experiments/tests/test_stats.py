"""Statistics: bootstrap intervals (coverage on synthetic data with a known mean),
geometric means, ratios."""
import math
import unittest

import numpy as np

from sweeplib import stats


def coverage(make_groups, truth, trials, replicates, seed, method="hierarchical", sigma_total=None):
    """Fraction of trials whose 95% interval contains truth, and the mean interval width."""
    rng = np.random.default_rng(seed)
    hits = 0
    widths = []
    for t in range(trials):
        groups = make_groups(rng)
        brng = np.random.default_rng([seed, t])
        if method == "hierarchical":
            reps = stats.hierarchical_replicates(groups, replicates, brng, "mean")
        else:
            reps = stats.naive_replicates(np.concatenate(groups), replicates, brng)
        lo, hi = stats.percentile_ci(reps, 0.95)
        hits += lo <= truth <= hi
        widths.append(hi - lo)
    return hits / trials, float(np.mean(widths))


class GeomeanTest(unittest.TestCase):
    def test_known_values(self):
        self.assertAlmostEqual(stats.geomean([1, 4, 16]), 4.0)
        self.assertAlmostEqual(stats.geomean([2.0]), 2.0)
        self.assertAlmostEqual(stats.geomean([0.5, 2.0]), 1.0)
        # Scale invariance: geomean of ratios = ratio of geomeans.
        a, b = [3.0, 7.0, 11.0], [2.0, 5.0, 13.0]
        self.assertAlmostEqual(stats.geomean([x / y for x, y in zip(a, b)]),
                               stats.geomean(a) / stats.geomean(b))

    def test_rejects_non_positive(self):
        with self.assertRaises(ValueError):
            stats.geomean([1.0, 0.0])
        with self.assertRaises(ValueError):
            stats.geomean([1.0, -2.0])
        self.assertTrue(math.isnan(stats.geomean([])))

    def test_geomean_replicates(self):
        reps = stats.geomean_replicates([np.full(10, 2.0), np.full(10, 8.0)])
        np.testing.assert_allclose(reps, 4.0)
        mixed = stats.geomean_replicates([np.array([1.0, 4.0]), np.array([4.0, 1.0])])
        np.testing.assert_allclose(mixed, [2.0, 2.0])


class BootstrapTest(unittest.TestCase):
    def test_percentile_ci(self):
        reps = np.arange(1, 1001, dtype=float)
        lo, hi = stats.percentile_ci(reps, 0.95)
        self.assertAlmostEqual(lo, 25.975, places=3)
        self.assertAlmostEqual(hi, 975.025, places=3)

    def test_point_estimates(self):
        groups = [[1.0, 3.0], [10.0, 10.0, 10.0, 10.0]]
        self.assertAlmostEqual(stats.point_mean(groups), 6.0)  # mean of group means, not 7.0
        self.assertAlmostEqual(stats.point_median(groups), 10.0)

    def test_constant_data_gives_degenerate_interval(self):
        reps = stats.hierarchical_replicates([[5.0] * 7, [5.0] * 3], 500, np.random.default_rng(1))
        np.testing.assert_allclose(reps, 5.0)

    def test_coverage_iid(self):
        # Independent iterations around a known mean. Resampling both levels counts the
        # iteration noise twice when processes do not differ, so the interval is
        # conservative (Kalibera & Jones note this): it must cover, and be at most ~1.6x
        # as wide as the exact interval 2 * 1.96 * sigma / sqrt(n) (about sqrt(2) expected).
        def groups(rng):
            return [rng.normal(100.0, 5.0, 20) for _ in range(5)]
        cov, width = coverage(groups, 100.0, trials=200, replicates=1000, seed=11)
        exact = 2 * 1.96 * 5.0 / math.sqrt(100)
        self.assertGreaterEqual(cov, 0.92, cov)
        self.assertGreater(width / exact, 1.0, width / exact)
        self.assertLess(width / exact, 1.6, width / exact)

    def test_coverage_with_invocation_effects(self):
        # Each process has its own level (random effect sd 5) plus small iteration noise:
        # the two-level bootstrap still covers about 95%, the naive pooled bootstrap does not.
        def groups(rng):
            return [100.0 + rng.normal(0, 5.0) + rng.normal(0, 1.0, 20) for _ in range(10)]
        cov, _ = coverage(groups, 100.0, trials=200, replicates=1000, seed=12)
        naive, _ = coverage(groups, 100.0, trials=200, replicates=1000, seed=12, method="naive")
        self.assertGreaterEqual(cov, 0.85, cov)
        self.assertLessEqual(cov, 0.99, cov)
        self.assertLessEqual(naive, 0.6, naive)

    def test_median_replicates(self):
        rng = np.random.default_rng(3)
        groups = [rng.normal(50, 1, 30) for _ in range(6)]
        reps = stats.hierarchical_replicates(groups, 2000, np.random.default_rng(4), "median")
        lo, hi = stats.percentile_ci(reps)
        self.assertLess(lo, 50.0 + 1.0)
        self.assertGreater(hi, 50.0 - 1.0)
        self.assertLess(hi - lo, 2.0)

    def test_unequal_group_lengths(self):
        # A group of length 1 next to long ones must resample correctly (padding masked out).
        groups = [[10.0], [20.0] * 50, [30.0] * 5]
        reps = stats.hierarchical_replicates(groups, 3000, np.random.default_rng(5))
        self.assertTrue(set(np.unique(np.round(reps, 6))) <= {10.0, 13.333333, 16.666667, 20.0,
                                                              23.333333, 26.666667, 30.0})
        self.assertAlmostEqual(float(reps.mean()), 20.0, delta=0.5)

    def test_ratio_interval(self):
        rng = np.random.default_rng(6)
        fast = [rng.normal(50, 0.5, 20) for _ in range(5)]
        slow = [rng.normal(100, 1.0, 20) for _ in range(5)]
        a = stats.hierarchical_replicates(fast, 4000, np.random.default_rng(7))
        b = stats.hierarchical_replicates(slow, 4000, np.random.default_rng(8))
        lo, hi = stats.percentile_ci(stats.ratio_replicates(a, b))
        self.assertLess(lo, 0.5)
        self.assertGreater(hi, 0.5)
        self.assertLess(hi - lo, 0.02)

    def test_reproducible_seeding(self):
        groups = [[1.0, 2.0, 3.0], [2.0, 5.0]]
        r1 = stats.hierarchical_replicates(groups, 100, stats.rng_for("nbody", "node"))
        r2 = stats.hierarchical_replicates(groups, 100, stats.rng_for("nbody", "node"))
        r3 = stats.hierarchical_replicates(groups, 100, stats.rng_for("nbody", "node-jitless"))
        np.testing.assert_array_equal(r1, r2)
        self.assertFalse(np.array_equal(r1, r3))

    def test_summarize(self):
        s = stats.summarize([[10.0, 11.0, 12.0], [11.0, 12.0, 13.0]], 1000, 0.95, np.random.default_rng(9))
        self.assertAlmostEqual(s["mean"], 11.5)
        self.assertAlmostEqual(s["median"], 11.5)
        self.assertLessEqual(s["mean_ci"][0], s["mean"])
        self.assertGreaterEqual(s["mean_ci"][1], s["mean"])
        self.assertEqual(len(s["replicates"]), 1000)

    def test_empty_input_is_an_error(self):
        with self.assertRaises(ValueError):
            stats.hierarchical_replicates([[], []], 10)


if __name__ == "__main__":
    unittest.main()
