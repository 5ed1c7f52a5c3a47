"""Bootstrap confidence intervals and geometric means.

Method (stated once here, repeated in every results README):

* Data are hierarchical: a cell (engine x benchmark) has several invocations (fresh
  processes), each with several steady-state iterations. Iterations within one process are
  correlated (same heap layout, same JIT decisions), so pooling them as if independent
  understates the variance. We therefore use the two-level (hierarchical) bootstrap of
  Kalibera & Jones ("Rigorous Benchmarking in Reasonable Time", ISMM 2013): each replicate
  resamples invocations with replacement, then resamples iterations with replacement
  within every chosen invocation, independently for each draw.
* Resampling both levels counts iteration noise twice when processes do not differ, so
  the intervals are then conservative (up to ~sqrt(2) wider than exact); when processes do
  differ (the usual case for JITs) they keep their coverage where pooling would not. With
  few invocations this is the safer error. Tests measure both coverages.
* The mean statistic of a replicate is the mean of the per-invocation means (every
  invocation weighs the same, however many steady iterations it had). The median statistic
  is the median of the pooled resampled iterations.
* Intervals are percentile intervals of the replicates (default 10,000 replicates, 95%).
* Ratios to a baseline divide the replicates of the two cells pairwise (the cells were
  measured in different processes, so the two resamplings are independent).
* Geometric means across benchmarks take the geometric mean of each replicate across
  benchmarks, so their intervals carry every benchmark's uncertainty.

Replicates are drawn from numpy Generators seeded from the cell's name, so a report is
reproducible bit for bit from its raw data.
"""
import math
import zlib

import numpy as np

DEFAULT_REPLICATES = 10000
DEFAULT_CONFIDENCE = 0.95
# Upper bound on the number of floats one vectorized resampling chunk materializes.
_CHUNK_FLOATS = 2_000_000


def rng_for(*names, seed=0):
    """A numpy Generator seeded deterministically from names (stable across runs)."""
    key = "\x1f".join(str(n) for n in names).encode()
    return np.random.default_rng([seed & 0xFFFFFFFF, zlib.crc32(key)])


def geomean(values):
    """Geometric mean of positive numbers; nan for an empty input."""
    vals = [float(v) for v in values]
    if not vals:
        return math.nan
    if any(v <= 0 or math.isnan(v) for v in vals):
        raise ValueError("geometric mean needs positive numbers")
    return math.exp(sum(math.log(v) for v in vals) / len(vals))


def percentile_ci(replicates, confidence=DEFAULT_CONFIDENCE):
    """(low, high) percentile interval of a 1-D array of replicates."""
    reps = np.asarray(replicates, dtype=float)
    reps = reps[~np.isnan(reps)]
    if reps.size == 0:
        return (math.nan, math.nan)
    alpha = (1.0 - confidence) / 2.0
    lo, hi = np.quantile(reps, [alpha, 1.0 - alpha])
    return (float(lo), float(hi))


def _as_groups(groups):
    out = [np.asarray(g, dtype=float) for g in groups]
    out = [g for g in out if g.size > 0]
    if not out:
        raise ValueError("no data to resample")
    return out


def point_mean(groups):
    """Mean of per-group means (the point estimate matching hierarchical_replicates)."""
    gs = _as_groups(groups)
    return float(np.mean([g.mean() for g in gs]))


def point_median(groups):
    """Median of all values pooled."""
    gs = _as_groups(groups)
    return float(np.median(np.concatenate(gs)))


def hierarchical_replicates(groups, replicates=DEFAULT_REPLICATES, rng=None, statistic="mean"):
    """Two-level bootstrap replicates of a statistic over groups of observations.

    groups: a list of 1-D sequences, one per invocation. statistic: "mean" (mean of group
    means) or "median" (median of the pooled resample). Returns an array of `replicates`.
    """
    gs = _as_groups(groups)
    if rng is None:
        rng = np.random.default_rng(0)
    k = len(gs)
    lens = np.array([g.size for g in gs])
    mmax = int(lens.max())
    padded = np.zeros((k, mmax))
    for i, g in enumerate(gs):
        padded[i, : g.size] = g
    out = np.empty(replicates)
    chunk = max(1, _CHUNK_FLOATS // (k * mmax))
    slots = np.arange(mmax)
    for start in range(0, replicates, chunk):
        b = min(chunk, replicates - start)
        which = rng.integers(0, k, size=(b, k))  # invocations drawn for each slot
        m = lens[which]  # their lengths, (b, k)
        pos = (rng.random((b, k, mmax)) * m[:, :, None]).astype(np.int64)
        vals = padded[which[:, :, None], pos]  # (b, k, mmax)
        mask = slots[None, None, :] < m[:, :, None]
        if statistic == "mean":
            means = np.where(mask, vals, 0.0).sum(axis=2) / m
            out[start : start + b] = means.mean(axis=1)
        elif statistic == "median":
            pooled = np.where(mask, vals, np.nan).reshape(b, k * mmax)
            out[start : start + b] = np.nanmedian(pooled, axis=1)
        else:
            raise ValueError(f"unknown statistic {statistic!r}")
    return out


def naive_replicates(values, replicates=DEFAULT_REPLICATES, rng=None):
    """One-level bootstrap of the mean of pooled values (for comparison in tests)."""
    vals = np.asarray(values, dtype=float)
    if rng is None:
        rng = np.random.default_rng(0)
    idx = rng.integers(0, vals.size, size=(replicates, vals.size))
    return vals[idx].mean(axis=1)


def ratio_replicates(numerator, denominator):
    """Pairwise ratio of two independent replicate arrays of the same length."""
    a = np.asarray(numerator, dtype=float)
    b = np.asarray(denominator, dtype=float)
    if a.shape != b.shape:
        raise ValueError("replicate arrays differ in length")
    with np.errstate(divide="ignore", invalid="ignore"):
        return a / b


def geomean_replicates(replicate_arrays):
    """Geometric mean across arrays (one per benchmark), replicate by replicate."""
    arrs = [np.asarray(a, dtype=float) for a in replicate_arrays]
    if not arrs:
        raise ValueError("no replicate arrays")
    stack = np.vstack(arrs)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.exp(np.log(stack).mean(axis=0))


def summarize(groups, replicates=DEFAULT_REPLICATES, confidence=DEFAULT_CONFIDENCE, rng=None):
    """Mean and median with percentile intervals; also returns the mean replicates."""
    if rng is None:
        rng = np.random.default_rng(0)
    mean_reps = hierarchical_replicates(groups, replicates, rng, "mean")
    median_reps = hierarchical_replicates(groups, replicates, rng, "median")
    return {
        "mean": point_mean(groups),
        "mean_ci": percentile_ci(mean_reps, confidence),
        "median": point_median(groups),
        "median_ci": percentile_ci(median_reps, confidence),
        "replicates": mean_reps,
    }
