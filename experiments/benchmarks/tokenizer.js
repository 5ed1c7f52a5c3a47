'use strict';
// tokenizer.js: a scanner for a JavaScript-like language run over generated source text:
// identifiers and keywords (looked up in a Set), decimal, hexadecimal and floating-point
// numbers, strings with escapes, line and block comments, and maximal-munch punctuators
// (=== !== >>> => ?. ?? ...). It is a switch over character codes plus substring slicing,
// the kind of code at the front of every compiler. Checksum: counts and hashes per kind.
const { run, Random, mix } = require('./harness.js');

const SOURCE_TOKENS = 20000;
const SCANS = 10;

const KEYWORDS = new Set(['let', 'const', 'function', 'return', 'if', 'else', 'for', 'while',
  'class', 'new', 'this', 'true', 'false', 'null', 'typeof', 'of', 'in', 'break']);
const KEYWORD_LIST = Array.from(KEYWORDS);
const IDENTS = ['alpha', 'beta', 'gamma', 'delta', 'node', 'value', 'left', 'right', 'i', 'j',
  'count', 'result', '_private', '$dollar', 'camelCase', 'x1', 'y2'];
const PUNCTS = ['(', ')', '{', '}', '[', ']', ';', ',', '.', '=', '==', '===', '!=', '!==',
  '+', '++', '+=', '-', '--', '-=', '*', '/', '%', '<', '<=', '<<', '>', '>=', '>>', '>>>',
  '&&', '||', '??', '?.', '?', ':', '=>', '...', '!', '&', '|', '^', '~'];

const T_IDENT = 0;
const T_KEYWORD = 1;
const T_NUMBER = 2;
const T_STRING = 3;
const T_PUNCT = 4;
const T_COMMENT = 5;
const KINDS = 6;

function generate(random) {
  const out = [];
  for (let i = 0; i < SOURCE_TOKENS; i++) {
    const r = random.int(20);
    if (r < 5) out.push(IDENTS[random.int(IDENTS.length)]);
    else if (r < 7) out.push(KEYWORD_LIST[random.int(KEYWORD_LIST.length)]);
    else if (r < 9) {
      const f = random.int(3);
      if (f === 0) out.push(String(random.int(100000)));
      else if (f === 1) out.push(`0x${random.int(65536).toString(16)}`);
      else out.push(`${random.int(1000)}.${random.int(1000)}e${random.int(9)}`);
    } else if (r < 10) {
      const q = random.int(2) ? '"' : "'";
      out.push(`${q}str\\n${random.int(1000)}\\${q} tail${q}`);
    } else if (r < 19) {
      out.push(PUNCTS[random.int(PUNCTS.length)]);
    } else if (random.int(2)) {
      out.push(`// line comment ${random.int(100)}\n`);
    } else {
      out.push(`/* block\n comment * ${random.int(100)} */`);
    }
    // A separator: always needed between words, and it keeps punctuators from fusing.
    out.push(random.int(8) === 0 ? '\n' : ' ');
  }
  return out.join('');
}

function isIdentStart(c) {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}

function isIdentPart(c) {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isHexDigit(c) {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

class Lexer {
  constructor(src) {
    this.src = src;
    this.pos = 0;
    this.line = 1;
    this.counts = [];
    this.hashes = [];
    for (let i = 0; i < KINDS; i++) {
      this.counts.push(0);
      this.hashes.push(0);
    }
  }

  emit(kind, text) {
    this.counts[kind]++;
    this.hashes[kind] = mix(this.hashes[kind], text.length * 131 + text.charCodeAt(0));
  }

  scanAll() {
    const s = this.src;
    const n = s.length;
    while (this.pos < n) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9) { this.pos++; continue; }
      if (c === 10) { this.line++; this.pos++; continue; }
      const start = this.pos;
      if (isIdentStart(c)) {
        this.pos++;
        while (this.pos < n && isIdentPart(s.charCodeAt(this.pos))) this.pos++;
        const word = s.slice(start, this.pos);
        this.emit(KEYWORDS.has(word) ? T_KEYWORD : T_IDENT, word);
      } else if (c >= 48 && c <= 57) {
        this.scanNumber();
        this.emit(T_NUMBER, s.slice(start, this.pos));
      } else if (c === 34 || c === 39) {
        this.scanString(c);
        this.emit(T_STRING, s.slice(start, this.pos));
      } else if (c === 47 && s.charCodeAt(start + 1) === 47) {
        while (this.pos < n && s.charCodeAt(this.pos) !== 10) this.pos++;
        this.emit(T_COMMENT, s.slice(start, this.pos));
      } else if (c === 47 && s.charCodeAt(start + 1) === 42) {
        const end = s.indexOf('*/', start + 2);
        if (end < 0) throw new Error(`unterminated comment at line ${this.line}`);
        for (let i = start; i < end; i++) if (s.charCodeAt(i) === 10) this.line++;
        this.pos = end + 2;
        this.emit(T_COMMENT, s.slice(start, this.pos));
      } else {
        this.scanPunct(c);
        this.emit(T_PUNCT, s.slice(start, this.pos));
      }
    }
  }

  scanNumber() {
    const s = this.src;
    if (s.charCodeAt(this.pos) === 48 && (s.charCodeAt(this.pos + 1) | 32) === 120) {
      this.pos += 2;
      while (isHexDigit(s.charCodeAt(this.pos))) this.pos++;
      return;
    }
    while (s.charCodeAt(this.pos) >= 48 && s.charCodeAt(this.pos) <= 57) this.pos++;
    if (s.charCodeAt(this.pos) === 46) {
      this.pos++;
      while (s.charCodeAt(this.pos) >= 48 && s.charCodeAt(this.pos) <= 57) this.pos++;
    }
    if ((s.charCodeAt(this.pos) | 32) === 101) {
      this.pos++;
      const sign = s.charCodeAt(this.pos);
      if (sign === 43 || sign === 45) this.pos++;
      while (s.charCodeAt(this.pos) >= 48 && s.charCodeAt(this.pos) <= 57) this.pos++;
    }
  }

  scanString(quote) {
    const s = this.src;
    this.pos++;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (c === quote) { this.pos++; return; }
      if (c === 92) this.pos += 2;
      else if (c === 10 || this.pos >= s.length) throw new Error(`unterminated string at line ${this.line}`);
      else this.pos++;
    }
  }

  // Maximal munch over the punctuator table.
  scanPunct(c) {
    const s = this.src;
    const c1 = s.charCodeAt(this.pos + 1);
    const c2 = s.charCodeAt(this.pos + 2);
    let len = 1;
    switch (c) {
      case 61: // =
        if (c1 === 61) len = c2 === 61 ? 3 : 2;
        else if (c1 === 62) len = 2;
        break;
      case 33: // !
        if (c1 === 61) len = c2 === 61 ? 3 : 2;
        break;
      case 43: // +
      case 45: // -
        if (c1 === c || c1 === 61) len = 2;
        break;
      case 60: // <
        if (c1 === 61 || c1 === 60) len = 2;
        break;
      case 62: // >
        if (c1 === 61) len = 2;
        else if (c1 === 62) len = c2 === 62 ? 3 : 2;
        break;
      case 38: // &
      case 124: // |
        if (c1 === c) len = 2;
        break;
      case 63: // ?
        if (c1 === 63 || c1 === 46) len = 2;
        break;
      case 46: // .
        if (c1 === 46 && c2 === 46) len = 3;
        break;
      case 40: case 41: case 123: case 125: case 91: case 93: case 59: case 44:
      case 42: case 47: case 37: case 58: case 94: case 126:
        break;
      default:
        throw new Error(`unexpected character ${String.fromCharCode(c)} at line ${this.line}`);
    }
    this.pos += len;
  }
}

const SOURCE = generate(new Random(99));

run('tokenizer', function iteration() {
  let h = 0;
  for (let i = 0; i < SCANS; i++) {
    const lexer = new Lexer(SOURCE);
    lexer.scanAll();
    let total = 0;
    for (let k = 0; k < KINDS; k++) total += lexer.counts[k];
    if (total !== SOURCE_TOKENS) throw new Error(`${total} tokens, want ${SOURCE_TOKENS}`);
    h = mix(0, lexer.line);
    for (let k = 0; k < KINDS; k++) {
      h = mix(h, lexer.counts[k]);
      h = mix(h, lexer.hashes[k]);
    }
  }
  return h;
}, 1571847509);
