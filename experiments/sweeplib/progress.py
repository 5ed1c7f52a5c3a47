"""A plain-text progress bar with an ETA, on stderr.

On a terminal one line is redrawn in place; otherwise (logs, CI) one line is printed per
finished cell, so the log still reads as a history. The ETA is the number of cells left
times the mean duration of the cells finished in this session (cells resumed from an
earlier session do not count, since their duration is unknown).
"""
import sys
import time

BAR_WIDTH = 24


def fmt_duration(seconds):
    if seconds is None or seconds != seconds or seconds < 0:
        return "--:--"
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    def __init__(self, total, already_done=0, stream=None, enabled=True, clock=time.monotonic):
        self.total = total
        self.done = already_done
        self.failed = 0
        self.session_done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.clock = clock
        self.start = clock()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last_len = 0

    def eta(self):
        if self.session_done == 0:
            return None
        per_cell = (self.clock() - self.start) / self.session_done
        return per_cell * (self.total - self.done)

    def line(self, label=""):
        frac = self.done / self.total if self.total else 1.0
        filled = int(round(frac * BAR_WIDTH))
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        text = (f"[{bar}] {self.done}/{self.total} {frac * 100:3.0f}%  "
                f"elapsed {fmt_duration(self.clock() - self.start)}  ETA {fmt_duration(self.eta())}")
        if self.failed:
            text += f"  failed {self.failed}"
        if label:
            text += f"  {label}"
        return text

    def _emit(self, text, final=False):
        if not self.enabled:
            return
        if self.tty:
            pad = max(0, self._last_len - len(text))
            self.stream.write("\r" + text + " " * pad + ("\n" if final else ""))
            self._last_len = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def starting(self, label):
        """Shows which cell runs now (terminal only: logs get one line per finished cell)."""
        if self.tty:
            self._emit(self.line(f"running {label}"))

    def finished(self, label, ok, reason=None):
        self.done += 1
        self.session_done += 1
        if not ok:
            self.failed += 1
        suffix = label if ok else f"{label} FAILED: {reason}"
        if self.tty and not ok:
            # Keep failures visible above the bar.
            self._emit(f"failed: {label}: {reason}", final=True)
            self._last_len = 0
            suffix = label
        self._emit(self.line(suffix))

    def close(self):
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()
