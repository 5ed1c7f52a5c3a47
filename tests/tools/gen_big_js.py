#!/usr/bin/env python3
"""Writes a large JavaScript file of realistic code, for frontend speed measurements.

  python3 tests/tools/gen_big_js.py [--size-mb 5] [--out big.js]

The file repeats a few realistic modules (a data-structure class, string and array utilities,
an event emitter, a small interpreter, a config object with nested literals and comments), each
copy with its identifiers renamed (suffix _<n>) so that the name table sees many distinct
names, as a bundle would. Deterministic: the same size gives the same bytes. Every construct is
inside the language subset Strata parses (no regular expressions, generators or modules), and
the output passes `node --check`.
"""
import argparse
import sys

TEMPLATE = r'''
// ---- module {n}: collections -------------------------------------------------------------
/**
 * A binary heap ordered by a comparator; used by the scheduler below.
 * @param {function(*, *): number} compare
 */
class PriorityQueue_{n} {
  constructor(compare = (a, b) => a - b) {
    this.items = [];
    this.compare = compare;
    this.size = 0;
  }
  push(value) {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
    this.size++;
    return this;
  }
  pop() {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0], last = items.pop();
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        let l = 2 * i + 1, r = l + 1, m = i;
        if (l < items.length && this.compare(items[l], items[m]) < 0) m = l;
        if (r < items.length && this.compare(items[r], items[m]) < 0) m = r;
        if (m === i) break;
        const t = items[i]; items[i] = items[m]; items[m] = t;
        i = m;
      }
    }
    this.size--;
    return top;
  }
  get isEmpty() { return this.size === 0; }
  static from(iterable, compare) {
    const q = new PriorityQueue_{n}(compare);
    for (const x of iterable) q.push(x);
    return q;
  }
}

// ---- module {n}: strings ------------------------------------------------------------------
function padLeft_{n}(text, width, fill = ' ') {
  text = String(text);
  while (text.length < width) text = fill + text;
  return text;
}

function formatTable_{n}(rows, { separator = ' | ', header = true } = {}) {
  const widths = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      const w = String(cell).length;
      if (!(i in widths) || widths[i] < w) widths[i] = w;
    });
  }
  const lines = rows.map((row, r) => row.map((cell, i) => padLeft_{n}(cell, widths[i])).join(separator));
  if (header && lines.length > 1) {
    lines.splice(1, 0, widths.map(w => '-'.repeat(w)).join(separator.replace(/* keep */ ' ', '-')));
  }
  return lines.join('\n');
}

const escapes_{n} = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml_{n}(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    out += escapes_{n}[c] ?? c;
  }
  return `<span class="text-{n}">${out}</span>`;
}

// ---- module {n}: events -------------------------------------------------------------------
class Emitter_{n} {
  listeners = new Map();
  static instances = 0;
  constructor(name) {
    this.name = name;
    this.created = Date.now();
    Emitter_{n}.instances += 1;
  }
  on(event, fn) {
    let list = this.listeners.get(event);
    if (!list) this.listeners.set(event, list = []);
    list.push(fn);
    return () => this.off(event, fn);
  }
  off(event, fn) {
    const list = this.listeners.get(event) || [];
    const i = list.indexOf(fn);
    if (i !== -1) list.splice(i, 1);
  }
  emit(event, ...args) {
    const list = this.listeners.get(event);
    if (list === undefined) return false;
    for (const fn of [...list]) {
      try {
        fn.apply(this, args);
      } catch (err) {
        console.error(`listener for ${event} failed: ${err?.message ?? err}`);
      } finally {
        this.lastEvent = event;
      }
    }
    return true;
  }
}

class Logger_{n} extends Emitter_{n} {
  constructor(name, level = 'info') {
    super(name);
    this.level = level;
    this.count = 0;
  }
  log(level, ...parts) {
    const order = { debug: 0, info: 1, warn: 2, error: 3 };
    if (order[level] < order[this.level]) return;
    this.count++;
    super.emit('line', `[${level.toUpperCase()}] ${this.name}: ${parts.join(' ')}`);
  }
}

// ---- module {n}: a tiny expression evaluator ---------------------------------------------
function tokenize_{n}(src) {
  const tokens = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9) { i++; continue; }
    if (c >= 48 && c <= 57) {
      let j = i;
      while (j < src.length && src.charCodeAt(j) >= 48 && src.charCodeAt(j) <= 57) j++;
      tokens.push({ kind: 'num', value: Number(src.slice(i, j)) });
      i = j;
      continue;
    }
    switch (src[i]) {
      case '+': case '-': case '*': case '/': case '(': case ')':
        tokens.push({ kind: src[i] });
        i++;
        break;
      default:
        throw new SyntaxError('bad character ' + src[i] + ' at ' + i);
    }
  }
  return tokens;
}

function evaluate_{n}(src) {
  const tokens = tokenize_{n}(src);
  let pos = 0;
  const peek = () => tokens[pos]?.kind;
  function primary() {
    const t = tokens[pos++];
    if (!t) throw new Error('unexpected end');
    if (t.kind === 'num') return t.value;
    if (t.kind === '(') { const v = sum(); pos++; return v; }
    if (t.kind === '-') return -primary();
    throw new Error(`unexpected ${t.kind}`);
  }
  function product() {
    let v = primary();
    while (peek() === '*' || peek() === '/') v = tokens[pos++].kind === '*' ? v * primary() : v / primary();
    return v;
  }
  function sum() {
    let v = product();
    while (peek() === '+' || peek() === '-') v = tokens[pos++].kind === '+' ? v + product() : v - product();
    return v;
  }
  return sum();
}

// ---- module {n}: configuration -------------------------------------------------------------
var config_{n} = {
  name: 'service-{n}',
  version: [1, {n} % 10, 0],
  retries: 0x10,
  timeoutMs: 1_500,
  ratio: 0.75e-2,
  enabled: true,
  tags: ['alpha', 'beta', "gamma"],
  limits: { cpu: 2.5, memory: 512 * 1024 * 1024, disks: [{ path: '/data', quota: 1e12 }] },
  async load(fetcher) {
    const { data = {}, status } = await fetcher(this.name);
    if (status !== 200) throw new Error(`status ${status}`);
    Object.assign(this, data);
    return this;
  },
  get summary() { return `${this.name}@${this.version.join('.')}`; },
  [`key_${{n}}`]: null,
};

async function schedule_{n}(jobs, concurrency = 4) {
  const queue = PriorityQueue_{n}.from(jobs, (a, b) => a.priority - b.priority);
  const results = [];
  const workers = Array.from({ length: concurrency }, async (_, w) => {
    while (!queue.isEmpty) {
      const job = queue.pop();
      try {
        results.push({ id: job.id, value: await job.run(w) });
      } catch (e) {
        results.push({ id: job.id, error: String(e) });
      }
    }
  });
  await Promise.all(workers);
  return results.sort((a, b) => a.id - b.id);
}

if (typeof module !== 'undefined' && module.exports) {
  module.exports['m{n}'] = { PriorityQueue_{n}, formatTable_{n}, escapeHtml_{n}, Emitter_{n}, Logger_{n}, evaluate_{n}, config_{n}, schedule_{n} };
}
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--size-mb', type=float, default=5.0)
    ap.add_argument('--out', default='-')
    args = ap.parse_args()
    target = int(args.size_mb * 1024 * 1024)
    parts, size, n = ['"use strict";\n'], 0, 0
    while size < target:
        chunk = TEMPLATE.replace('{n}', str(n))
        parts.append(chunk)
        size += len(chunk)
        n += 1
    text = ''.join(parts)
    if args.out == '-':
        sys.stdout.write(text)
    else:
        with open(args.out, 'w') as f:
            f.write(text)


main()
