"""Test-case reduction for tools/difffuzz: delta debugging (Zeller's ddmin) over a program's
top-level items, then over its lines, then small rewrites of numbers (loop bounds), each step
kept only when the predicate (the same failure under the same configuration) still holds.

Items: the generator starts every top-level item at column 0 and indents its inner lines, so
an item begins at each line that starts with neither white space nor a closing bracket.
Removing lines can make a program invalid; such a candidate fails the same way in the oracle
and the configuration (a SyntaxError), so the predicate rejects it by itself.
"""

import re
import time


def split_items(text):
    items = []
    for line in text.split("\n"):
        if line == "":
            continue
        if items and (line[0] in " \t}])"):
            items[-1].append(line)
        else:
            items.append([line])
    return ["\n".join(it) for it in items]


def join(parts):
    return "\n".join(p for p in parts if p != "") + "\n"


def ddmin(parts, test, deadline):
    """A 1-minimal (up to the deadline) sub-list of parts for which test(join(...)) holds."""
    n = 2
    while len(parts) >= 2 and time.monotonic() < deadline:
        chunk = max(1, len(parts) // n)
        reduced = False
        for start in range(0, len(parts), chunk):
            if time.monotonic() >= deadline:
                break
            rest = parts[:start] + parts[start + chunk:]
            if rest and test(join(rest)):
                parts = rest
                n = max(n - 1, 2)
                reduced = True
                break
        if not reduced:
            if n >= len(parts):
                break
            n = min(n * 2, len(parts))
    return parts


NUMBER = re.compile(r"(?<![\w.])(\d{2,})(?![\w.])")


def shrink_numbers(text, test, deadline):
    """Tries to make each multi-digit integer literal smaller (loop bounds, depths)."""
    pos = 0
    while time.monotonic() < deadline:
        m = NUMBER.search(text, pos)
        if not m:
            break
        value = int(m.group(1))
        done = False
        for smaller in (0, 1, 2, value // 10, value // 2):
            if smaller >= value:
                continue
            cand = text[:m.start()] + str(smaller) + text[m.end():]
            if test(cand):
                text = cand
                done = True
                break
        pos = m.start() + (len(str(smaller)) if done else len(m.group(1)))
    return text


def shrink(text, test, seconds):
    """A smaller program for which test() still holds (the original if nothing is smaller)."""
    deadline = time.monotonic() + seconds
    if not test(text):
        return text  # not reproducible (flaky): keep the whole program
    items = ddmin(split_items(text), test, deadline)
    text = join(items)
    lines = ddmin([l for l in text.split("\n") if l != ""], test, deadline)
    text = join(lines)
    text = shrink_numbers(text, test, deadline)
    # Numbers may have made more lines removable.
    text = join(ddmin([l for l in text.split("\n") if l != ""], test, deadline))
    return text
