#!/usr/bin/env python3
"""Generates builtins/lib_string_case_tables.h: the Unicode case-mapping tables used by
String.prototype.toUpperCase/toLowerCase (builtins/lib_string_case.c).

The data is Python's unicodedata (Unicode %s of the Python running this); the mappings are
str.upper()/str.lower() of each code point alone, which are the full (SpecialCasing.txt,
unconditional) mappings ICU and V8 use. Context-dependent rules (Final_Sigma) are code in
lib_string_case.c; the `cased` and `case_ignorable` sets it needs are generated here from the
general categories (Unicode's derived definitions, D135/D136):
  cased: Lu, Ll, Lt, or a character with a case mapping, or Other_Lowercase/Uppercase
         (approximated as: Lm/So/Nl characters that change under case mapping or are named
         MODIFIER LETTER SMALL ..., plus the circled letters)
  case_ignorable: Mn, Me, Cf, Lm, Sk, and Word_Break MidLetter/MidNumLet/Single_Quote.
It also emits `letter_spans` (general category L*), which localeCompare's approximate
collation uses to put letters after digits and punctuation.

Usage: python3 tests/tools/gen_string_case.py > builtins/lib_string_case_tables.h
"""
import sys
import unicodedata

MAXCP = 0x110000


def chars():
    for c in range(MAXCP):
        if 0xD800 <= c <= 0xDFFF:
            continue
        yield c


def simple_and_special(fn):
    simple = {}
    special = {}
    for c in chars():
        m = fn(chr(c))
        if m == chr(c):
            continue
        if len(m) == 1:
            simple[c] = ord(m)
        else:
            special[c] = [ord(x) for x in m]
    return simple, special


def ranges_of(simple):
    """(lo, hi, delta, stride) runs covering exactly the keys of simple."""
    keys = sorted(simple)
    out = []
    i = 0
    while i < len(keys):
        lo = keys[i]
        delta = simple[lo] - lo
        stride = 1
        j = i
        if i + 1 < len(keys):
            nxt = keys[i + 1]
            d2 = simple[nxt] - nxt
            if d2 == delta and nxt == lo + 1:
                stride = 1
            elif d2 == delta and nxt == lo + 2 and (lo + 1) not in simple:
                stride = 2
        while j + 1 < len(keys):
            nxt = keys[j + 1]
            if nxt != keys[j] + stride or simple[nxt] - nxt != delta:
                break
            if stride == 2 and (keys[j] + 1) in simple:
                break
            j += 1
        hi = keys[j]
        if j == i:
            stride = 1
        out.append((lo, hi, delta, stride))
        i = j + 1
    # Verify: the ranges reproduce the mapping exactly and do not overlap.
    covered = {}
    for lo, hi, delta, stride in out:
        for c in range(lo, hi + 1, stride):
            assert c not in covered
            covered[c] = c + delta
    assert covered == simple
    for a, b in zip(out, out[1:]):
        assert a[1] < b[0]
    return out


def set_ranges(pred):
    out = []
    start = None
    prev = None
    for c in range(MAXCP):
        ok = not (0xD800 <= c <= 0xDFFF) and pred(c)
        if ok and start is None:
            start = c
        if not ok and start is not None:
            out.append((start, c - 1))
            start = None
    if start is not None:
        out.append((start, MAXCP - 1))
    return out


MID = {0x27, 0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13,
       0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A}


def is_ignorable(c):
    return c in MID or unicodedata.category(chr(c)) in ('Mn', 'Me', 'Cf', 'Lm', 'Sk')


def is_cased(c):
    ch = chr(c)
    cat = unicodedata.category(ch)
    if cat in ('Lu', 'Ll', 'Lt'):
        return True
    if ch.lower() != ch or ch.upper() != ch:
        return True
    name = unicodedata.name(ch, '')
    if cat == 'Lm' and ('SMALL' in name or 'MODIFIER LETTER CAPITAL' in name):
        return True
    if cat == 'So' and name.startswith('CIRCLED LATIN'):
        return True
    return False


def emit_ranges(name, rs):
    print('static const StCaseRange %s[] = {' % name)
    line = ' '
    for lo, hi, delta, stride in rs:
        item = ' {0x%X, 0x%X, %d, %d},' % (lo, hi, delta, stride)
        if len(line) + len(item) > 98:
            print(line)
            line = ' '
        line += item
    if line.strip():
        print(line)
    print('};')


def emit_set(name, rs):
    print('static const StCaseSpan %s[] = {' % name)
    line = ' '
    for lo, hi in rs:
        item = ' {0x%X, 0x%X},' % (lo, hi)
        if len(line) + len(item) > 98:
            print(line)
            line = ' '
        line += item
    if line.strip():
        print(line)
    print('};')


def emit_special(name, sp):
    print('static const StCaseSpecial %s[] = {' % name)
    line = ' '
    for c in sorted(sp):
        m = sp[c] + [0] * (3 - len(sp[c]))
        assert len(sp[c]) <= 3
        item = ' {0x%X, {0x%X, 0x%X, 0x%X}},' % (c, m[0], m[1], m[2])
        if len(line) + len(item) > 98:
            print(line)
            line = ' '
        line += item
    if line.strip():
        print(line)
    print('};')


def main():
    up_simple, up_special = simple_and_special(str.upper)
    lo_simple, lo_special = simple_and_special(str.lower)
    print('/* builtins/lib_string_case_tables.h: GENERATED by tests/tools/gen_string_case.py from')
    print(' * Unicode %s (Python unicodedata). Do not edit; regenerate.' % unicodedata.unidata_version)
    print(' *')
    print(' * Included only by lib_string_case.c. Ranges: {lo, hi, delta, stride}: every stride-th')
    print(' * code point from lo to hi maps to itself + delta. Specials: one code point to 2-3. */')
    emit_ranges('upper_ranges', ranges_of(up_simple))
    emit_special('upper_special', up_special)
    emit_ranges('lower_ranges', ranges_of(lo_simple))
    emit_special('lower_special', lo_special)
    emit_set('cased_spans', set_ranges(is_cased))
    emit_set('ignorable_spans', set_ranges(is_ignorable))
    emit_set('letter_spans', set_ranges(
        lambda c: unicodedata.category(chr(c)) in ('Lu', 'Ll', 'Lt', 'Lm', 'Lo')))


if __name__ == '__main__':
    main()
