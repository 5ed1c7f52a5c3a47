// tests/tools/gen_numconv_tables.js: makes the expected-output tables that
// tests/unit/test_numconv.c checks support/numconv.c against, by asking node (V8) itself.
//
//   node tests/tools/gen_numconv_tables.js            rewrites tests/data/numconv/*.txt
//   node tests/tools/gen_numconv_tables.js --pow10    prints support/numconv_pow10.c
//
// The inputs come from a seeded PRNG, so a rerun with the same node version reproduces the
// committed files byte for byte; a diff after a node upgrade is a V8 behaviour change worth
// reading. The tables were made with node v20 (V8 11.3).
//
// Formats (one case per line, fields separated by one space; doubles are the 16 hex digits
// of their IEEE-754 bit pattern, so that -0, NaN and every last bit survive the trip):
//   tostring.txt  <x> <String(x)>
//   radix.txt     <x> <radix> <x.toString(radix)>
//   format.txt    <op> <x> <digits> <result>      op: f toFixed, e toExponential, p toPrecision;
//                                                  digits -1 means undefined (toExponential)
//   parse.txt     <Number(s)> <parseFloat(s)> <radix> <parseInt(s, radix)> <s>
//                                                  (radix as passed, an integer: 0 = undefined)
//   int.txt       <x> <x | 0> <x >>> 0>           ToInt32 and ToUint32 as decimal integers
// Parse inputs are escaped: bytes 0x21..0x7e other than '\' stand for themselves, every
// other UTF-16 unit is written \uXXXX (so spaces, tabs and non-ASCII survive editors).
'use strict';

const fs = require('fs');
const path = require('path');

// ------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32); Math.random is not seedable.

let seed = 0x5eed1234;
function rand32() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
const randInt = (n) => rand32() % n; // [0, n), n < 2^32; the bias is irrelevant here
const pick = (a) => a[randInt(a.length)];
const rand01 = () => (rand32() * 2 ** 21 + (rand32() >>> 11)) / 2 ** 53;

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
function hex(x) {
  f64[0] = x;
  return u64[0].toString(16).padStart(16, '0');
}
function fromBits(b) {
  u64[0] = BigInt.asUintN(64, b);
  return f64[0];
}
function bitsOf(x) {
  f64[0] = x;
  return u64[0];
}
const randomBits = () => fromBits((BigInt(rand32()) << 32n) | BigInt(rand32()));
const nextUp = (x) => (x === 0 ? 5e-324 : x > 0 ? fromBits(bitsOf(x) + 1n) : fromBits(bitsOf(x) - 1n));
const nextDown = (x) => -nextUp(-x);

// Doubles of many shapes: the mix every table draws from.
function interestingDouble() {
  switch (randInt(10)) {
    case 0: return randomBits();
    case 1: return randInt(1000) - 500;
    case 2: return (rand01() - 0.5) * 10 ** (randInt(40) - 20);
    case 3: return Math.round(rand01() * 10 ** randInt(8)) / 10 ** randInt(8); // short decimals
    case 4: return 2 ** (randInt(2098) - 1074) * (randInt(2) ? 1 : -1);
    case 5: return fromBits(BigInt(rand32()) << BigInt(randInt(33))); // subnormals and small
    case 6: return rand01() * 2 ** (randInt(140) - 70);
    case 7: return Math.round(rand01() * 2 ** randInt(75)) * (randInt(2) ? 1 : -1);
    case 8: return pick([0.5, 1.5, 2.5, 0.125, 0.05, 0.005, 1.005, 1.45, 8.345, 1e21, 1e-7]);
    default: return rand01() * 10 ** (randInt(640) - 323);
  }
}

// ------------------------------------------------------------------------------------------
// tostring.txt

function genToString() {
  const xs = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 2.2250738585072014e-308,
    2.225073858507201e-308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON,
    Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 53, 2 ** 53 + 2, 0.1, 0.2, 0.3,
    0.1 + 0.2, 1 / 3, 2 / 3, Math.PI, Math.E, 123456789012345680000, 1.7976931348623157e308];
  for (let i = 0; i < 8000; i++) xs.push(randomBits());
  for (let i = 0; i < 3000; i++) {
    const bits = 1 + randInt(72);
    let v = Math.floor(rand01() * 2 ** bits);
    if (randInt(3) === 0) v = -v;
    xs.push(v);
  }
  for (let e = -1074; e <= 1023; e++) {
    const p = 2 ** e;
    xs.push(p, nextUp(p), nextDown(p));
  }
  for (let e = -323; e <= 308; e++) {
    const p = Number('1e' + e);
    xs.push(p, nextUp(p), nextDown(p));
  }
  for (const c of [1e21, 1e-7, 1e-6, 1e20, 1e-5]) {
    let lo = c, hi = c;
    for (let i = 0; i < 25; i++) {
      lo = nextDown(lo);
      hi = nextUp(hi);
      xs.push(lo, hi, -lo);
    }
    xs.push(c, -c);
  }
  for (let i = 0; i < 2000; i++) {
    const m = Math.floor(rand01() * 10 ** (1 + randInt(17)));
    xs.push(Number(m + 'e' + (randInt(60) - 30)));
  }
  for (let i = 0; i < 1000; i++) xs.push(fromBits(BigInt(rand32()) * BigInt(1 + randInt(1 << 20))));
  for (let i = 0; i < 500; i++) xs.push(interestingDouble());
  return xs.map((x) => `${hex(x)} ${String(x)}`);
}

// ------------------------------------------------------------------------------------------
// radix.txt

function genRadix() {
  const lines = [];
  const special = [0, -0, NaN, Infinity, -Infinity, 0.5, -0.5, 1 / 3, 0.1, 255, -255, 2 ** 53,
    2 ** 53 + 2, 1e21, 123.456, -123.456, 2 ** 31, 4294967295, 1e-7];
  for (let radix = 2; radix <= 36; radix++) {
    for (const x of special) lines.push(`${hex(x)} ${radix} ${x.toString(radix)}`);
    for (let i = 0; i < 60; i++) {
      let x;
      switch (randInt(6)) {
        case 0: x = randInt(100000) - 50000; break;
        case 1: x = (rand01() - 0.5) * 2 ** randInt(20); break;
        case 2: x = rand01(); break;
        case 3: x = Math.round(rand01() * 2 ** (40 + randInt(40))); break;
        case 4: x = randInt(1000) / pick([3, 7, 10, 100, 1024, 1e6]); break;
        default: x = (rand01() - 0.5) * 10 ** (randInt(20) - 10); break;
      }
      lines.push(`${hex(x)} ${radix} ${x.toString(radix)}`);
    }
    // A few extremes per radix: the long strings (binary of tiny values is ~1100 characters).
    for (const x of [5e-324, -Number.MAX_VALUE, 1e300, 1e-300, randomBits(), randomBits()]) {
      if (Number.isNaN(x)) continue;
      lines.push(`${hex(x)} ${radix} ${x.toString(radix)}`);
    }
  }
  return lines;
}

// ------------------------------------------------------------------------------------------
// format.txt

function genFormat() {
  const lines = [];
  const digitsFor = () => (randInt(4) === 0 ? randInt(101) : randInt(21));
  const base = [0, -0, NaN, Infinity, -Infinity, 0.5, 1.5, 2.5, -2.5, 0.05, 0.005, 1.005, 1.45,
    8.345, 1e21, 999999999999999900000, 1e-7, 123.456, 5e-324, Number.MAX_VALUE, 0.000001,
    1e-10, -1e-10, 99.99, 9.995, 0.95, 1 / 3, 2 ** 70];
  for (const x of base) {
    for (const d of [0, 1, 2, 3, 5, 10, 20, 50, 100]) {
      lines.push(`f ${hex(x)} ${d} ${x.toFixed(d)}`);
      lines.push(`e ${hex(x)} ${d} ${x.toExponential(d)}`);
      if (d >= 1) lines.push(`p ${hex(x)} ${d} ${x.toPrecision(d)}`);
    }
    lines.push(`e ${hex(x)} -1 ${x.toExponential()}`);
  }
  for (let i = 0; i < 2000; i++) {
    const x = interestingDouble();
    if (Number.isNaN(x)) continue;
    const d = digitsFor();
    lines.push(`f ${hex(x)} ${d} ${x.toFixed(d)}`);
  }
  for (let i = 0; i < 1600; i++) {
    const x = interestingDouble();
    if (Number.isNaN(x)) continue;
    const d = randInt(5) === 0 ? -1 : digitsFor();
    lines.push(`e ${hex(x)} ${d} ${d < 0 ? x.toExponential() : x.toExponential(d)}`);
  }
  for (let i = 0; i < 1600; i++) {
    const x = interestingDouble();
    if (Number.isNaN(x)) continue;
    const d = 1 + (randInt(4) === 0 ? randInt(100) : randInt(21));
    lines.push(`p ${hex(x)} ${d} ${x.toPrecision(d)}`);
  }
  // Exact ties on short decimals: the round-half-up rule decides these.
  for (let i = 0; i < 300; i++) {
    const x = (randInt(20000) - 10000) / pick([2, 4, 8, 16, 32, 64, 1024]);
    const d = randInt(6);
    lines.push(`f ${hex(x)} ${d} ${x.toFixed(d)}`);
    lines.push(`e ${hex(x)} ${d} ${x.toExponential(d)}`);
    lines.push(`p ${hex(x)} ${d + 1} ${x.toPrecision(d + 1)}`);
  }
  return lines;
}

// ------------------------------------------------------------------------------------------
// parse.txt

const SPACES = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\ufeff', '\u1680', '\u2000',
  '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];
const NOT_SPACES = ['\u180e', '\u200b', '\u0085', '\u0000', 'x', '_', '\u00b7'];

function digits(n, alphabet = '0123456789') {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randInt(alphabet.length)];
  return s;
}
const ws = () => (randInt(3) === 0 ? '' : Array.from({ length: 1 + randInt(3) }, () => pick(SPACES)).join(''));

function decimalLiteral() {
  const len = () => pick([0, 1, 1, 2, 3, 5, 8, 15, 16, 17, 18, 20, 25, 40, 100, 400, 800, 900]);
  let s = pick(['', '', '+', '-']);
  const intPart = randInt(6) === 0 ? '0'.repeat(randInt(30)) + digits(len()) : digits(len());
  s += intPart;
  if (randInt(2)) s += '.' + (randInt(5) === 0 ? '0'.repeat(randInt(400)) : '') + digits(len());
  if (randInt(2)) {
    s += pick(['e', 'E']) + pick(['', '+', '-']);
    s += pick([digits(1), digits(2), digits(3), String(300 + randInt(30)),
      String(randInt(400)), '0000000000000000000000000000000000000' + digits(2),
      '99999999999999999999', '4294967296', '']);
  }
  return s;
}

function parseInput() {
  switch (randInt(14)) {
    case 0: return ws() + decimalLiteral() + ws();
    case 1: return ws() + decimalLiteral() + pick(NOT_SPACES.concat(['e', '.', '+', 'e+', '.5']));
    case 2: return ws() + pick(['0x', '0X', '0o', '0O', '0b', '0B', '-0x', '+0x']) +
      digits(1 + randInt(pick([3, 20, 300])), '0123456789abcdefABCDEFxg') + ws();
    case 3: return ws() + pick(['Infinity', '+Infinity', '-Infinity', 'infinity', 'INFINITY',
      'Infinit', 'Infinityx', '-Infinity ', 'NaN', '++1', '-+1', '.', '+.', '-.', 'e1', '.e1',
      '1e', '1e+', '1.e1', '.5', '5.', '-.5e-3', '0.0', '-0', '+0', '-0.0e5', '00', '010',
      '0x', '0b2', '0o8', '1_000', '1,5', '', '0e', '0.e', ' 12 34 ']) + ws();
    case 4: return String(interestingDouble());
    case 5: {
      const x = interestingDouble();
      return Number.isFinite(x) ? x.toExponential(randInt(25)) : String(x);
    }
    case 6: {
      const x = interestingDouble();
      return Number.isFinite(x) ? x.toPrecision(17 + randInt(30)) : String(x);
    }
    case 7:
      return ws() + digits(1 + randInt(30), '0123456789abcdefghijklmnopqrstuvwxyzABCDEFXZ') + ws();
    case 8:
      return pick(['', '-', '+']) + pick(['0x', '0X', '']) +
        digits(1 + randInt(40), '0123456789abcdefABCDEF');
    case 9: return pick(['', '-']) + digits(1 + randInt(400)) + pick(['', '.5', 'e3', 'x']);
    case 10: return pick(SPACES) + decimalLiteral() + pick(NOT_SPACES);
    // Halfway cases: a double's exact midpoint with its neighbour, written in full.
    case 11: {
      const x = Math.abs(interestingDouble());
      return Number.isFinite(x) ? midpoint(x) : '1';
    }
    case 12: return '0.' + '0'.repeat(320 + randInt(10)) + digits(1 + randInt(30));
    default: return ws() + decimalLiteral();
  }
}

// The exact decimal expansion of (x + nextUp(x)) / 2, optionally nudged by one unit in the
// last place so that correct rounding needs every digit.
function midpoint(x) {
  f64[0] = x;
  const b = u64[0];
  const e = Number((b >> 52n) & 0x7ffn);
  let m = b & ((1n << 52n) - 1n);
  let q;
  if (e === 0) q = -1074; else { m |= 1n << 52n; q = e - 1075; }
  // (2m + 1) * 2^(q-1)
  const num = 2n * m + 1n;
  const sh = q - 1;
  let s;
  if (sh >= 0) s = (num << BigInt(sh)).toString();
  else {
    const digs = (num * 5n ** BigInt(-sh)).toString();
    const frac = -sh;
    s = digs.length > frac ? digs.slice(0, digs.length - frac) + '.' + digs.slice(digs.length - frac)
      : '0.' + '0'.repeat(frac - digs.length) + digs;
  }
  const r = randInt(3);
  if (r === 1) s += '0000000000000000000001';
  return s;
}

function escapeInput(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c > 0x20 && c < 0x7f && c !== 0x5c ? s[i] : '\\u' + c.toString(16).padStart(4, '0');
  }
  return out === '' ? '\\e' : out; // \e: the empty string (a field must not be empty)
}

function genParse() {
  const lines = [];
  const add = (s, radix) => {
    lines.push(`${hex(Number(s))} ${hex(parseFloat(s))} ${radix} ${hex(parseInt(s, radix))} ` +
      escapeInput(s));
  };
  const anyRadix = () => pick([0, 0, 0, 10, 16, 2, 8, 36, 3, 7, 1, 37, -1, 32, 4, 5, 11, 20, 35]);
  const fixed = ['', ' ', '0', '-0', '+0', '1', '-1', '.5', '5.', '.', '1e1000', '1e-1000',
    '-1e-1000', '0x10', '0X10', '0o17', '0b101', '-0x10', '0x', '010', '1_0', 'Infinity',
    '-Infinity', '+Infinity', 'infinity', '\u00a01\u00a0', '\ufeff2\ufeff', '\u180e3',
    '\u20284\u2029', '1e', '1e+', '1.e-', '4294967295', '4294967296', '9007199254740993',
    '9007199254740993.0000000001', '0x1fffffffffffff', '0x20000000000001', '0x20000000000003',
    '0x1000000000000080', '0x1000000000000081', '0x10000000000000800',
    '2.4703282292062327e-324', '2.4703282292062328e-324', '1.7976931348623158e308',
    '1.7976931348623159e308', '0.1e-999999999999', '1e999999999999', '123abc', '  42  ',
    '0.000001', '1e21', '000000000000000000000000000000000000001', '-0x0', '0b', '0o'];
  for (const s of fixed) add(s, anyRadix());
  for (let i = 0; i < 2600; i++) add(parseInput(), anyRadix());
  // parseInt's own territory: radix prefixes and long digit strings in every radix.
  for (let i = 0; i < 1200; i++) {
    const radix = pick([0, 2, 3, 4, 5, 7, 8, 10, 12, 16, 20, 32, 36]);
    const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix || 10);
    let s = ws() + pick(['', '', '-', '+']) + (radix === 16 || radix === 0 ? pick(['', '0x', '0X']) : '');
    s += digits(1 + randInt(pick([5, 12, 20, 40, 80])), randInt(2) ? alphabet : alphabet.toUpperCase());
    s += pick(['', '', 'z', '.5', ' 1', 'g']);
    add(s, radix);
  }
  return lines;
}

// ------------------------------------------------------------------------------------------
// int.txt

function genInt() {
  const xs = [0, -0, NaN, Infinity, -Infinity, 2 ** 31, -(2 ** 31), 2 ** 31 - 1, 2 ** 32, 2 ** 32 + 1,
    -(2 ** 32) - 1, 2 ** 53, 2 ** 63, 2 ** 84, 2 ** 85, 2 ** 1023, 0.5, -0.5, 1.9, -1.9, 5e-324,
    4294967295.5, -4294967295.5, 2147483647.9, -2147483648.9];
  for (let i = 0; i < 3000; i++) xs.push(interestingDouble());
  for (let i = 0; i < 1000; i++) xs.push((rand01() - 0.5) * 2 ** randInt(90));
  return xs.map((x) => `${hex(x)} ${x | 0} ${x >>> 0}`);
}

// ------------------------------------------------------------------------------------------
// --pow10: the 126-bit powers of ten of support/numconv_pow10.c.
//
// For e in [-292, 324], with b = floor(log2(10^e)):  g(e) = floor(10^e * 2^(125 - b)) + 1,
// so 2^125 < g(e) <= 2^126 and g(e) over-approximates 10^e * 2^(125-b) by less than one unit
// (Schubfach's table, see the comment in support/numconv.c).

function genPow10() {
  const out = [];
  out.push('/* support/numconv_pow10.c: powers of ten for the shortest-digits search in numconv.c.');
  out.push(' *');
  out.push(' * GENERATED by `node tests/tools/gen_numconv_tables.js --pow10`; do not edit.');
  out.push(' * Entry i is g(e) for e = i + ST_NUMCONV_POW10_MIN, where b = floor(log2(10^e)) and');
  out.push(' * g(e) = floor(10^e * 2^(125 - b)) + 1, so 2^125 < g(e) <= 2^126; stored as {high, low}');
  out.push(' * 64-bit halves. Its exactness is checked by test_numconv (test_pow10_table).');
  out.push(' */');
  out.push('#include "support/numconv_internal.h"');
  out.push('');
  out.push('const uint64_t st_numconv_pow10_table[ST_NUMCONV_POW10_COUNT][2] = {');
  const mask = (1n << 64n) - 1n;
  for (let e = -292; e <= 324; e++) {
    // b = floor(log2(10^e)), exactly.
    let b;
    if (e >= 0) b = (10n ** BigInt(e)).toString(2).length - 1;
    else {
      const d = 10n ** BigInt(-e); // 10^e = 1/d; b = -ceil(log2(d))
      const bl = d.toString(2).length; // 2^(bl-1) <= d < 2^bl, d not a power of two
      b = -bl;
    }
    const sh = 125 - b;
    let g;
    if (e >= 0) g = sh >= 0 ? 10n ** BigInt(e) << BigInt(sh) : 10n ** BigInt(e) >> BigInt(-sh);
    else g = (1n << BigInt(sh)) / 10n ** BigInt(-e);
    g += 1n;
    if (g <= 1n << 125n || g > 1n << 126n) throw new Error('g out of range at ' + e);
    const h = (g >> 64n).toString(16).padStart(16, '0');
    const l = (g & mask).toString(16).padStart(16, '0');
    out.push(`  {0x${h}, 0x${l}}, /* ${e} */`);
  }
  out.push('};');
  return out.join('\n') + '\n';
}

// ------------------------------------------------------------------------------------------

if (process.argv.includes('--pow10')) {
  process.stdout.write(genPow10());
} else {
  const dir = path.join(__dirname, '..', 'data', 'numconv');
  fs.mkdirSync(dir, { recursive: true });
  const write = (name, lines) => {
    fs.writeFileSync(path.join(dir, name), lines.join('\n') + '\n');
    console.log(`${name}: ${lines.length} cases`);
  };
  write('tostring.txt', genToString());
  write('radix.txt', genRadix());
  write('format.txt', genFormat());
  write('parse.txt', genParse());
  write('int.txt', genInt());
}
