#!/usr/bin/python3
"""Runs the experiments tests (unittest) and ends with the line "N passed, N failed".

    experiments/tests/run_tests.py                 every test_*.py here
    experiments/tests/run_tests.py test_stats ...  only these modules

Registered with ctest by tests/suites/experiments.cmake, one ctest test per module.
Skipped tests (e.g. node or valgrind missing) are listed but count as neither.
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # experiments/ (for sweeplib)
sys.path.insert(0, HERE)


def main(argv):
    names = argv or sorted(f[:-3] for f in os.listdir(HERE) if f.startswith("test_") and f.endswith(".py"))
    suite = unittest.defaultTestLoader.loadTestsFromNames(names)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    if skipped:
        print(f"{skipped} skipped: " + "; ".join(f"{t.id()}: {why}" for t, why in result.skipped))
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
