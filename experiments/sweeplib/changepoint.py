"""Changepoints (PELT) and warm-up classification in the manner of Barrett et al.,
"Virtual Machine Warmup Blows Hot and Cold" (OOPSLA 2017).

Per invocation (one process's sequence of in-process iteration times):

1. Changepoints: PELT (Killick, Fearnhead & Eckley, JASA 2012) minimizing the negative
   log-likelihood of a normal model whose mean AND variance change at each changepoint
   (what R's changepoint::cpt.meanvar computes, which the paper used), with the paper's
   manual penalty 15 * log(n) per changepoint and a minimum segment length of 2.
   A segment's cost is m * (log(2*pi) + log(var) + 1) with var the maximum-likelihood
   variance of its m points. R clamps var at an absolute 1e-10; we clamp relative to the
   series' level (var >= (1e-4 * median)^2) because the cost is scale-free only if the
   clamp is, and timers quantize (two equal readings must not form a zero-cost segment).
   The pruning rule drops tau once F(tau) + C(tau, t) > F(t) (K = 0, valid for
   likelihood costs), applied min_segment steps late so that a too-short last segment
   never justifies a prune; tests check PELT against unpruned optimal partitioning.

2. Equivalent segments (the paper, as implemented in its warmup_stats tool): around the
   last segment build [mean - d, mean + d] with d = max(var_last, delta); an earlier
   segment with mean m and variance v is equivalent to the last one when
   [m - v, m + v] overlaps that interval. The variance is taken in seconds^2 of
   iteration time, as in the paper; delta defaults to 0.001 s (an absolute "1ms") and may
   instead be a percentage of the fastest segment's mean ("1%").

3. Classification, walking the segments from the second-to-last backwards:
     flat             every segment is equivalent to the last one;
     no steady state  the latest non-equivalent segment ends inside the final window
                      (the last `steady_fraction` of the iterations; the paper used the
                      last 500 of 2000, so 0.25), i.e. the run never settled;
     slowdown         some non-equivalent segment is faster than the last one;
     warmup           otherwise (every non-equivalent segment is slower).
   The steady state starts at the first segment of the trailing run of segments that are
   equivalent to the last one; for "no steady state" there is none.

4. Per (benchmark, engine): all invocations alike -> that class; a mix of flat and warmup
   -> "good inconsistent"; any other mix -> "bad inconsistent".

Deliberate deviation: the paper first removes outliers (a 200-iteration sliding window);
sweeps here have tens of iterations, where such a window would call every warm-up
iteration an outlier, so no outliers are removed.
"""
import math

import numpy as np

LOG_2PI = math.log(2.0 * math.pi)
DEFAULT_PENALTY_FACTOR = 15.0
DEFAULT_MIN_SEGMENT = 2
DEFAULT_STEADY_FRACTION = 0.25
DEFAULT_DELTA = "1ms"
REL_VAR_FLOOR = 1e-4

FLAT = "flat"
WARMUP = "warmup"
SLOWDOWN = "slowdown"
NO_STEADY_STATE = "no steady state"
GOOD_INCONSISTENT = "good inconsistent"
BAD_INCONSISTENT = "bad inconsistent"
CLASSES = (FLAT, WARMUP, SLOWDOWN, NO_STEADY_STATE)


def _prepare(data):
    x = np.asarray(data, dtype=float)
    level = float(np.median(np.abs(x))) if x.size else 0.0
    scale = level if level > 0 else 1.0
    # Normalizing keeps the variance computation well conditioned; segmentations are
    # invariant under it because the clamp is relative too.
    z = (x - np.median(x)) / scale
    s1 = np.concatenate([[0.0], np.cumsum(z)])
    s2 = np.concatenate([[0.0], np.cumsum(z * z)])
    return z, s1, s2, REL_VAR_FLOOR**2


def _costs(s1, s2, taus, t, floor):
    """Vectorized meanvar cost of segments (tau, t] for an array of taus."""
    m = t - taus
    a = s1[t] - s1[taus]
    b = s2[t] - s2[taus]
    var = b / m - (a / m) ** 2
    var = np.maximum(var, floor)
    return m * (LOG_2PI + np.log(var) + 1.0)


def penalty_for(n, factor=DEFAULT_PENALTY_FACTOR):
    return factor * math.log(max(n, 2))


def _backtrack(last, n):
    cps = []
    t = n
    while t > 0:
        t = int(last[t])
        if t > 0:
            cps.append(t)
    return sorted(cps)


def pelt(data, penalty=None, min_segment=DEFAULT_MIN_SEGMENT, prune=True):
    """Changepoints of data: sorted indices c (0 < c < n) where a new segment starts.

    penalty defaults to 15 * log(n). prune=False gives exhaustive optimal partitioning
    (the same optimum, quadratically slower; used to test the pruning).
    """
    n = len(data)
    if min_segment < 2:
        raise ValueError("min_segment must be >= 2 (a variance needs two points)")
    if n < 2 * min_segment:
        return []
    beta = penalty_for(n) if penalty is None else float(penalty)
    _, s1, s2, floor = _prepare(data)
    f = np.full(n + 1, np.inf)
    f[0] = -beta
    last = np.zeros(n + 1, dtype=np.int64)
    candidates = np.array([0], dtype=np.int64)
    # A tau found dominated at step t (F(tau) + C(tau, t) > F(t)) is dominated for every
    # T >= t + min_segment, where "last changepoint at t" is a valid alternative; for
    # t < T < t + min_segment it is not, so the removal waits until then.
    pending = {}
    for t in range(min_segment, n + 1):
        drop = pending.pop(t, None)
        if drop is not None:
            candidates = candidates[~np.isin(candidates, drop)]
        eligible = candidates[t - candidates >= min_segment]
        seg = f[eligible] + _costs(s1, s2, eligible, t, floor)
        total = seg + beta
        best = int(np.argmin(total))
        f[t] = total[best]
        last[t] = eligible[best]
        if prune:
            dominated = eligible[seg > f[t]]
            if dominated.size:
                pending[t + min_segment] = dominated
        # t may now be the last changepoint before a later t' (once t' - t >= min_segment).
        if t <= n - min_segment:
            candidates = np.append(candidates, t)
    return _backtrack(last, n)


def segments_of(data, changepoints):
    """[(start, end_exclusive, mean, variance)] with the MLE variance of each segment."""
    x = np.asarray(data, dtype=float)
    bounds = [0] + list(changepoints) + [len(x)]
    out = []
    for s, e in zip(bounds[:-1], bounds[1:]):
        seg = x[s:e]
        out.append((s, e, float(seg.mean()), float(seg.var())))
    return out


def parse_delta(delta):
    """'1ms' / '0.001s' / '2.5%' / a number (seconds) -> ('abs', seconds) or ('rel', fraction)."""
    if isinstance(delta, (int, float)) and not isinstance(delta, bool):
        if delta < 0:
            raise ValueError("delta must be >= 0")
        return ("abs", float(delta))
    if not isinstance(delta, str):
        raise ValueError(f"bad delta {delta!r}")
    d = delta.strip()
    try:
        if d.endswith("%"):
            v = float(d[:-1]) / 100.0
            kind = "rel"
        elif d.endswith("ms"):
            v = float(d[:-2]) / 1000.0
            kind = "abs"
        elif d.endswith("us"):
            v = float(d[:-2]) / 1e6
            kind = "abs"
        elif d.endswith("s"):
            v = float(d[:-1])
            kind = "abs"
        else:
            raise ValueError
    except ValueError:
        raise ValueError(f"bad delta {delta!r}: want e.g. '1ms', '0.001s' or '1%'") from None
    if v < 0:
        raise ValueError("delta must be >= 0")
    return (kind, v)


def classify_segments(segments, n, steady_fraction=DEFAULT_STEADY_FRACTION, delta=DEFAULT_DELTA,
                      to_seconds=1e-3):
    """(classification, steady_start or None) for segments of a series of length n.

    Segment means/variances are in the data's unit; to_seconds converts that unit to
    seconds (1e-3 for milliseconds) because the equivalence rule is defined on seconds.
    """
    if not segments:
        raise ValueError("no segments")
    window = max(1, int(math.ceil(steady_fraction * n)))
    segs = [(s, e, m * to_seconds, v * to_seconds * to_seconds) for (s, e, m, v) in segments]
    kind, dval = parse_delta(delta)
    if kind == "rel":
        d = dval * min(seg[2] for seg in segs)
    else:
        d = dval
    _, _, last_mean, last_var = segs[-1]
    lower = last_mean - max(last_var, d)
    upper = last_mean + max(last_var, d)
    classification = FLAT
    steady_start = segs[-1][0]
    still_trailing = True  # inside the trailing run of equivalent segments
    for idx in range(len(segs) - 2, -1, -1):
        s, e, m, v = segs[idx]
        if m + v >= lower and m - v <= upper:
            if still_trailing:
                steady_start = s
            continue
        still_trailing = False
        if e > n - window:
            return NO_STEADY_STATE, None
        if m - v < lower:
            return SLOWDOWN, steady_start
        classification = WARMUP
    return classification, steady_start


def analyse_invocation(data, penalty_factor=DEFAULT_PENALTY_FACTOR, min_segment=DEFAULT_MIN_SEGMENT,
                       steady_fraction=DEFAULT_STEADY_FRACTION, delta=DEFAULT_DELTA, to_seconds=1e-3):
    """Changepoints, segments, classification and steady state of one invocation."""
    n = len(data)
    if n == 0:
        raise ValueError("empty series")
    cps = pelt(data, penalty=penalty_for(n, penalty_factor), min_segment=min_segment)
    segs = segments_of(data, cps)
    cls, start = classify_segments(segs, n, steady_fraction, delta, to_seconds)
    return {
        "changepoints": cps,
        "segments": segs,
        "classification": cls,
        "steady_start": start,
    }


def summarize_classes(classes):
    """The (benchmark, engine) class from its invocations' classes."""
    kinds = set(classes)
    if not kinds:
        return ""
    if len(kinds) == 1:
        return next(iter(kinds))
    if kinds <= {FLAT, WARMUP}:
        return GOOD_INCONSISTENT
    return BAD_INCONSISTENT
