'use strict';
// jsonparse.js: a hand-written recursive-descent parser for JSON text (charCodeAt-driven
// scanning, string escapes including \u, numbers with fractions and exponents), run over a
// pseudo-random generated document. The parsed tree is hashed and the hash is compared with
// the hash of JSON.parse's result, so the parser and the built-in check each other.
const { run, Random, mix } = require('./harness.js');

const DOC_ITEMS = 1200;
const PARSES = 8;

const WORDS = ['id', 'name', 'value', 'children', 'kind', 'enabled', 'weight', 'label',
  'tags', 'x', 'y', 'z', 'parent', 'count', 'description', 'score'];

// ---- generator ----------------------------------------------------------------------

function genString(random) {
  const parts = [];
  const n = random.int(12);
  for (let i = 0; i < n; i++) {
    const r = random.int(40);
    if (r === 0) parts.push('\\n');
    else if (r === 1) parts.push('\\"');
    else if (r === 2) parts.push('\\\\');
    else if (r === 3) parts.push('\\u00e9');
    else if (r === 4) parts.push('\\t');
    else parts.push(String.fromCharCode(97 + random.int(26)));
  }
  return `"${parts.join('')}"`;
}

function genNumber(random) {
  const r = random.int(4);
  const sign = random.int(3) === 0 ? '-' : '';
  if (r === 0) return `${sign}${random.int(1000000)}`;
  if (r === 1) return `${sign}${random.int(1000)}.${random.int(1000)}`;
  if (r === 2) return `${sign}${random.int(10)}.${random.int(100)}e${random.int(2) ? '-' : '+'}${random.int(20)}`;
  return `${random.int(100)}`;
}

function genValue(random, depth, out) {
  const r = depth > 4 ? 3 + random.int(5) : random.int(8);
  if (r === 0 || r === 1) {
    out.push('{');
    const n = random.int(6);
    for (let i = 0; i < n; i++) {
      if (i > 0) out.push(',');
      out.push(`"${WORDS[random.int(WORDS.length)]}${i}": `);
      genValue(random, depth + 1, out);
    }
    out.push('}');
  } else if (r === 2) {
    out.push('[');
    const n = random.int(6);
    for (let i = 0; i < n; i++) {
      if (i > 0) out.push(', ');
      genValue(random, depth + 1, out);
    }
    out.push(']');
  } else if (r === 3 || r === 4) {
    out.push(genString(random));
  } else if (r === 5) {
    out.push(genNumber(random));
  } else if (r === 6) {
    out.push(random.int(2) ? 'true' : 'false');
  } else {
    out.push('null');
  }
}

function generate(random) {
  const out = ['[\n'];
  for (let i = 0; i < DOC_ITEMS; i++) {
    if (i > 0) out.push(',\n');
    out.push('  ');
    genValue(random, 0, out);
  }
  out.push('\n]\n');
  return out.join('');
}

// ---- parser -------------------------------------------------------------------------

class Parser {
  constructor(text) {
    this.text = text;
    this.pos = 0;
  }

  fail(what) {
    throw new Error(`parse error at ${this.pos}: ${what}`);
  }

  skipSpace() {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else return;
    }
  }

  parseValue() {
    this.skipSpace();
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) return this.parseObject();
    if (c === 91) return this.parseArray();
    if (c === 34) return this.parseString();
    if (c === 45 || (c >= 48 && c <= 57)) return this.parseNumber();
    if (this.text.startsWith('true', this.pos)) { this.pos += 4; return true; }
    if (this.text.startsWith('false', this.pos)) { this.pos += 5; return false; }
    if (this.text.startsWith('null', this.pos)) { this.pos += 4; return null; }
    return this.fail('unexpected character');
  }

  parseObject() {
    const obj = {};
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 125) { this.pos++; return obj; }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 34) this.fail('expected a key');
      const key = this.parseString();
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 58) this.fail('expected :');
      this.pos++;
      obj[key] = this.parseValue();
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 125) return obj;
      if (c !== 44) this.fail('expected , or }');
    }
  }

  parseArray() {
    const arr = [];
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 93) { this.pos++; return arr; }
    for (;;) {
      arr.push(this.parseValue());
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 93) return arr;
      if (c !== 44) this.fail('expected , or ]');
    }
  }

  parseString() {
    const t = this.text;
    this.pos++;
    let start = this.pos;
    let out = '';
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 34) {
        out += t.slice(start, this.pos);
        this.pos++;
        return out;
      }
      if (c === 92) {
        out += t.slice(start, this.pos);
        const e = t.charCodeAt(this.pos + 1);
        this.pos += 2;
        if (e === 110) out += '\n';
        else if (e === 116) out += '\t';
        else if (e === 114) out += '\r';
        else if (e === 98) out += '\b';
        else if (e === 102) out += '\f';
        else if (e === 117) {
          out += String.fromCharCode(parseInt(t.slice(this.pos, this.pos + 4), 16));
          this.pos += 4;
        } else out += String.fromCharCode(e);
        start = this.pos;
      } else if (this.pos >= t.length) {
        this.fail('unterminated string');
      } else {
        this.pos++;
      }
    }
  }

  parseNumber() {
    const t = this.text;
    const start = this.pos;
    if (t.charCodeAt(this.pos) === 45) this.pos++;
    while (isDigit(t.charCodeAt(this.pos))) this.pos++;
    if (t.charCodeAt(this.pos) === 46) {
      this.pos++;
      while (isDigit(t.charCodeAt(this.pos))) this.pos++;
    }
    const e = t.charCodeAt(this.pos);
    if (e === 101 || e === 69) {
      this.pos++;
      const s = t.charCodeAt(this.pos);
      if (s === 43 || s === 45) this.pos++;
      while (isDigit(t.charCodeAt(this.pos))) this.pos++;
    }
    return Number(t.slice(start, this.pos));
  }
}

function isDigit(c) {
  return c >= 48 && c <= 57;
}

// Structural hash: type tags, string contents, object keys in order, numbers scaled.
function hashValue(v, h) {
  if (v === null) return mix(h, 1);
  if (v === true) return mix(h, 2);
  if (v === false) return mix(h, 3);
  if (typeof v === 'number') return mix(mix(h, 4), Math.round(v * 1000) % 1000000007);
  if (typeof v === 'string') {
    h = mix(h, 5);
    for (let i = 0; i < v.length; i++) h = mix(h, v.charCodeAt(i));
    return h;
  }
  if (Array.isArray(v)) {
    h = mix(h, 6);
    for (let i = 0; i < v.length; i++) h = hashValue(v[i], h);
    return mix(h, v.length);
  }
  h = mix(h, 7);
  for (const k of Object.keys(v)) {
    h = hashValue(k, h);
    h = hashValue(v[k], h);
  }
  return h;
}

const TEXT = generate(new Random(2024));

run('jsonparse', function iteration() {
  let h = 0;
  for (let i = 0; i < PARSES; i++) {
    const p = new Parser(TEXT);
    const doc = p.parseValue();
    p.skipSpace();
    if (p.pos !== TEXT.length) throw new Error('trailing text');
    h = hashValue(doc, 0);
  }
  if (h !== hashValue(JSON.parse(TEXT), 0)) throw new Error('differs from JSON.parse');
  return mix(h, TEXT.length);
}, 1305419331);
