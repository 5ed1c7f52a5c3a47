"""Sweep definitions: TOML (tomllib) or JSON, validated before anything runs.

Every error names the file, the line and the offending key, e.g.

    configs/x.toml:14: engines[2].command: unknown placeholder {stat_file} (allowed: ...)

TOML syntax errors come from tomllib (which reports the line); JSON syntax errors from the
json module. Semantic errors (unknown keys, wrong types, unknown engine or benchmark names)
are located by a small scanner that maps key paths to lines, since neither parser keeps
positions. The schema is the table SCHEMA below; README.md documents the same keys.
"""
import copy
import hashlib
import json
import os
import re
import string
import tomllib
from dataclasses import dataclass, field

from . import changepoint

EXPERIMENTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_DIR = os.path.dirname(EXPERIMENTS_DIR)
BENCHMARKS_DIR = os.path.join(EXPERIMENTS_DIR, "benchmarks")
HARNESS = "harness.js"

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
METRICS = ("time", "instructions")

# Placeholders an engine command may use (expanded per cell by plan.py).
PLACEHOLDERS = {
    "strata": "path of the strata binary (--strata, default build/strata)",
    "stats_file": "a per-invocation JSON file the engine writes with --stats",
    "bench": "path of the benchmark .js file",
    "bench_name": "benchmark name (file name without .js)",
    "iterations": "in-process iteration count",
    "invocation": "invocation index (0-based)",
    "repo": "repository root",
    "experiments": "the experiments/ directory",
}


class ConfigError(Exception):
    """A bad sweep definition; str() is 'file:line: key: message'."""

    def __init__(self, message, path=None, line=None, key=None):
        self.message = message
        self.path = path
        self.line = line
        self.key = key
        where = path or "<config>"
        if line:
            where = f"{where}:{line}"
        prefix = f"{key}: " if key else ""
        super().__init__(f"{where}: {prefix}{message}")


# ---- schema -------------------------------------------------------------------------------
# Each entry: key -> (types, required, default, check). check(value) returns an error
# message or None.


def _int_at_least(k):
    def check(v):
        ok = isinstance(v, int) and not isinstance(v, bool) and v >= k
        return None if ok else f"must be an integer >= {k}"
    return check


_pos_int = _int_at_least(1)
_nonneg_int = _int_at_least(0)


def _pos_number(v):
    ok = isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0
    return None if ok else "must be a number > 0"


def _fraction(v):
    ok = isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v < 1
    return None if ok else "must be a number between 0 and 1 (exclusive)"


def _string(v):
    return None if isinstance(v, str) else "must be a string"


def _name(v):
    if not isinstance(v, str):
        return "must be a string"
    return None if NAME_RE.match(v) else "must match [A-Za-z0-9][A-Za-z0-9_.-]*"


def _metric(v):
    return None if v in METRICS else f"must be one of {', '.join(METRICS)}"


def _delta(v):
    try:
        changepoint.parse_delta(v)
    except ValueError as e:
        return str(e)
    return None


def _str_list(v):
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        return "must be a list of strings"
    return None


def _benchmarks(v):
    if v == "all":
        return None
    if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
        return None
    return 'must be "all" or a non-empty list of benchmark names'


def _command(v):
    if not isinstance(v, list) or not v or not all(isinstance(x, str) and x for x in v):
        return "must be a non-empty list of non-empty strings"
    for arg in v:
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(arg) if f is not None]
        except ValueError as e:
            return f"bad placeholder syntax in {arg!r}: {e}"
        for f in fields:
            if f not in PLACEHOLDERS:
                allowed = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
                return f"unknown placeholder {{{f}}} in {arg!r} (allowed: {allowed})"
    return None


def _env(v):
    if not isinstance(v, dict) or not all(isinstance(x, str) for x in v.values()):
        return "must be a table of strings"
    return None


ENGINE_SCHEMA = {
    "name": (_name, True, None),
    "command": (_command, True, None),
    "description": (_string, False, ""),
    "env": (_env, False, {}),
}

INSTRUCTIONS_SCHEMA = {
    "iterations": (_pos_int, False, 3),
    "invocations": (_pos_int, False, 2),
    "timeout_factor": (_pos_number, False, 60),
    "valgrind_args": (_str_list, False, []),
}

ANALYSIS_SCHEMA = {
    "steady_fraction": (_fraction, False, changepoint.DEFAULT_STEADY_FRACTION),
    "penalty_factor": (_pos_number, False, changepoint.DEFAULT_PENALTY_FACTOR),
    "min_segment": (_int_at_least(2), False, changepoint.DEFAULT_MIN_SEGMENT),
    "delta": (_delta, False, changepoint.DEFAULT_DELTA),
    "bootstrap": (_int_at_least(100), False, 10000),
    "confidence": (_fraction, False, 0.95),
}

SLURM_SCHEMA = {
    "partition": (_string, False, ""),
    "time": (_string, False, "01:00:00"),
    "cpus_per_task": (_pos_int, False, 1),
    "mem": (_string, False, ""),
    "exclusive": (lambda v: None if isinstance(v, bool) else "must be true or false", False, True),
    "max_parallel": (_nonneg_int, False, 0),
    "extra": (_str_list, False, []),
}

TOP_SCHEMA = {
    "name": (_name, True, None),
    "description": (_string, False, ""),
    "benchmarks": (_benchmarks, False, "all"),
    "benchmarks_dir": (_string, False, ""),
    "invocations": (_pos_int, False, 5),
    "iterations": (_pos_int, False, 10),
    "timeout": (_pos_number, False, 300),
    "baseline": (_name, False, ""),
    "metric": (_metric, False, "time"),
    "seed": (_nonneg_int, False, 1),
    "engines": (None, True, None),  # checked separately (array of tables)
    "instructions": (None, False, None),
    "analysis": (None, False, None),
    "slurm": (None, False, None),
}


@dataclass
class Engine:
    name: str
    command: list
    description: str = ""
    env: dict = field(default_factory=dict)

    def uses(self, placeholder):
        return any("{" + placeholder + "}" in a for a in self.command)


@dataclass
class Config:
    path: str
    text: str
    data: dict  # normalized (defaults filled in), JSON-serializable
    engines: list
    benchmarks: list  # names, in sweep order
    benchmarks_dir: str

    @property
    def name(self):
        return self.data["name"]

    def engine(self, name):
        for e in self.engines:
            if e.name == name:
                return e
        raise KeyError(name)

    def hash(self):
        """Identity of the sweep for resuming: everything that changes what a cell measures."""
        blob = json.dumps(self.data, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


# ---- locating keys --------------------------------------------------------------------------


class _TomlLocator:
    """Maps key paths like ('engines', 2, 'command') to 1-based lines of a TOML text."""

    HEADER_ARRAY = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-\"]+)\s*\]\]")
    HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\"]+)\s*\]")
    KEY = re.compile(r'^\s*("[^"]*"|[A-Za-z0-9_\-]+)\s*=')

    def __init__(self, text):
        self.lines = text.splitlines()
        self.where = {}
        current = ()
        counts = {}
        for i, line in enumerate(self.lines, start=1):
            m = self.HEADER_ARRAY.match(line)
            if m:
                name = tuple(p.strip('"') for p in m.group(1).split("."))
                idx = counts.get(name, 0)
                counts[name] = idx + 1
                current = name + (idx,)
                self.where.setdefault(current, i)
                self.where.setdefault(name, i)
                continue
            m = self.HEADER.match(line)
            if m:
                current = tuple(p.strip('"') for p in m.group(1).split("."))
                self.where.setdefault(current, i)
                continue
            m = self.KEY.match(line)
            if m:
                self.where.setdefault(current + (m.group(1).strip('"'),), i)

    def line_of(self, path):
        path = tuple(path)
        while path:
            if path in self.where:
                return self.where[path]
            path = path[:-1]
        return None

    def line_of_value(self, path, value):
        """Line of a string value inside the (possibly multi-line) value of key path."""
        start = self.line_of(path)
        if start is None:
            return None
        needle = json.dumps(value)
        for i in range(start, min(len(self.lines), start + 200) + 1):
            text = self.lines[i - 1]
            if needle in text or f"'{value}'" in text:
                return i
            if i > start and (self.KEY.match(text) or self.HEADER.match(text)):
                break
        return start


class _JsonLocator:
    """Maps key paths to 1-based lines of a JSON text (a minimal scanner; the text has
    already been parsed by json, so it is well formed)."""

    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.where = {}
        self.values = {}
        try:
            self._value(())
        except (IndexError, ValueError):
            pass  # positions are a best effort; json.loads has the final word

    def _line(self, pos):
        return self.text.count("\n", 0, pos) + 1

    def _ws(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1

    def _string(self):
        start = self.pos
        self.pos += 1
        while self.text[self.pos] != '"':
            self.pos += 2 if self.text[self.pos] == "\\" else 1
        self.pos += 1
        return json.loads(self.text[start : self.pos]), start

    def _value(self, path):
        self._ws()
        c = self.text[self.pos]
        self.where.setdefault(path, self._line(self.pos))
        if c == "{":
            self.pos += 1
            self._ws()
            if self.text[self.pos] == "}":
                self.pos += 1
                return
            while True:
                self._ws()
                key, kpos = self._string()
                self.where[path + (key,)] = self._line(kpos)
                self._ws()
                self.pos += 1  # ':'
                self._value(path + (key,))
                self._ws()
                c = self.text[self.pos]
                self.pos += 1
                if c == "}":
                    return
        elif c == "[":
            self.pos += 1
            self._ws()
            if self.text[self.pos] == "]":
                self.pos += 1
                return
            i = 0
            while True:
                self._value(path + (i,))
                i += 1
                self._ws()
                c = self.text[self.pos]
                self.pos += 1
                if c == "]":
                    return
        elif c == '"':
            value, spos = self._string()
            if path and isinstance(path[-1], int):
                self.values.setdefault((path[:-1], value), self._line(spos))
        else:
            while self.pos < len(self.text) and self.text[self.pos] not in ",]}\n\r\t ":
                self.pos += 1

    def line_of(self, path):
        path = tuple(path)
        while path:
            if path in self.where:
                return self.where[path]
            path = path[:-1]
        return None

    def line_of_value(self, path, value):
        return self.values.get((tuple(path), value)) or self.line_of(path)


def _key_name(path):
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


# ---- loading --------------------------------------------------------------------------------


def available_benchmarks(directory=BENCHMARKS_DIR):
    """Benchmark names: every .js file of the directory except the harness."""
    if not os.path.isdir(directory):
        return []
    return sorted(f[:-3] for f in os.listdir(directory) if f.endswith(".js") and f != HARNESS)


def _check_table(table, schema, path, err):
    """Validates a table against a schema; returns a normalized copy with defaults."""
    if not isinstance(table, dict):
        raise err("must be a table", path)
    out = {}
    for key in table:
        if key not in schema:
            raise err(f"unknown key (known: {', '.join(sorted(schema))})", path + (key,))
    for key, (check, required, default) in schema.items():
        if key not in table:
            if required:
                raise err("missing required key", path + (key,))
            out[key] = copy.deepcopy(default)
            continue
        if check is not None:
            msg = check(table[key])
            if msg:
                raise err(msg, path + (key,))
        out[key] = table[key]
    return out


def loads(text, path="<config>", fmt=None, benchmarks_dir=None):
    """Parses and validates a sweep definition given as text."""
    if fmt is None:
        fmt = "json" if path.endswith(".json") else "toml"
    if fmt == "toml":
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            m = re.search(r"line (\d+)", str(e))
            raise ConfigError(f"TOML syntax error: {e}", path, int(m.group(1)) if m else None) from None
        locator = _TomlLocator(text)
    else:
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as e:
            raise ConfigError(f"JSON syntax error: {e.msg} (column {e.colno})", path, e.lineno) from None
        if not isinstance(raw, dict):
            raise ConfigError("the top level must be an object", path, 1)
        locator = _JsonLocator(text)

    def err(message, key_path, value=None):
        line = locator.line_of_value(key_path, value) if value is not None else locator.line_of(key_path)
        return ConfigError(message, path, line, _key_name(key_path))

    data = _check_table(raw, TOP_SCHEMA, (), err)

    engines_raw = raw["engines"]
    if not isinstance(engines_raw, list) or not engines_raw:
        raise err("must be a non-empty array of tables ([[engines]])", ("engines",))
    engines = []
    seen = set()
    for i, e in enumerate(engines_raw):
        norm = _check_table(e, ENGINE_SCHEMA, ("engines", i), err)
        if norm["name"] in seen:
            raise err(f"duplicate engine name {norm['name']!r}", ("engines", i, "name"))
        seen.add(norm["name"])
        engines.append(Engine(norm["name"], list(norm["command"]), norm["description"], dict(norm["env"])))
    data["engines"] = [dict(name=e.name, command=e.command, description=e.description, env=e.env)
                       for e in engines]
    for sub, schema in (("instructions", INSTRUCTIONS_SCHEMA), ("analysis", ANALYSIS_SCHEMA),
                        ("slurm", SLURM_SCHEMA)):
        data[sub] = _check_table(raw.get(sub, {}), schema, (sub,), err)

    if not data["baseline"]:
        data["baseline"] = engines[0].name
    elif data["baseline"] not in seen:
        raise err(f"unknown engine {data['baseline']!r} (engines: {', '.join(e.name for e in engines)})",
                  ("baseline",))

    if benchmarks_dir is None:
        if data["benchmarks_dir"]:
            base = os.path.dirname(os.path.abspath(path)) if os.path.exists(path) else os.getcwd()
            benchmarks_dir = os.path.normpath(os.path.join(base, data["benchmarks_dir"]))
        else:
            benchmarks_dir = BENCHMARKS_DIR
    known = available_benchmarks(benchmarks_dir)
    if not known:
        raise err(f"no benchmarks found in {benchmarks_dir}", ("benchmarks_dir",))
    if data["benchmarks"] == "all":
        benches = list(known)
    else:
        benches = []
        for name in data["benchmarks"]:
            if name not in known:
                raise err(f"unknown benchmark {name!r} (known: {', '.join(known)})", ("benchmarks",), name)
            if name in benches:
                raise err(f"benchmark {name!r} listed twice", ("benchmarks",), name)
            benches.append(name)
    data["benchmarks"] = benches
    data["benchmarks_dir"] = benchmarks_dir
    return Config(path=path, text=text, data=data, engines=engines, benchmarks=benches,
                  benchmarks_dir=benchmarks_dir)


def load(path, benchmarks_dir=None):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise ConfigError(f"cannot read: {e.strerror}", path) from None
    return loads(text, path=path, benchmarks_dir=benchmarks_dir)


def select(config, engines=None, benchmarks=None, invocations=None, iterations=None, metric=None):
    """Applies command-line overrides; unknown names are errors (before anything runs)."""
    data = copy.deepcopy(config.data)
    src = "command line"
    chosen_engines = config.engines
    if engines:
        names = [e.name for e in config.engines]
        for n in engines:
            if n not in names:
                raise ConfigError(f"unknown engine {n!r} (engines in {config.path}: {', '.join(names)})",
                                  src, key="--engines")
        chosen_engines = [e for e in config.engines if e.name in engines]
        data["engines"] = [d for d in data["engines"] if d["name"] in engines]
        if data["baseline"] not in engines:
            data["baseline"] = chosen_engines[0].name
    chosen_benches = config.benchmarks
    if benchmarks:
        known = available_benchmarks(config.benchmarks_dir)
        for b in benchmarks:
            if b not in known:
                raise ConfigError(f"unknown benchmark {b!r} (known: {', '.join(known)})", src, key="--benchmarks")
        chosen_benches = [b for b in known if b in benchmarks]
        data["benchmarks"] = chosen_benches
    if metric is not None:
        if metric not in METRICS:
            raise ConfigError(f"must be one of {', '.join(METRICS)}", src, key="--metric")
        data["metric"] = metric
    # --invocations/--iterations apply to the metric in force: under "instructions" the
    # [instructions] table holds the counts that are used.
    counts = data["instructions"] if data["metric"] == "instructions" else data
    if invocations is not None:
        if invocations < 1:
            raise ConfigError("must be >= 1", src, key="--invocations")
        counts["invocations"] = invocations
    if iterations is not None:
        if iterations < 1:
            raise ConfigError("must be >= 1", src, key="--iterations")
        counts["iterations"] = iterations
    return Config(path=config.path, text=config.text, data=data, engines=list(chosen_engines),
                  benchmarks=list(chosen_benches), benchmarks_dir=config.benchmarks_dir)
