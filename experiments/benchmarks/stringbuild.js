'use strict';
// stringbuild.js: builds text in the ways programs do: repeated += in a loop (which must
// not be quadratic), Array.prototype.join, template literals, String.fromCharCode, repeat,
// padStart/padEnd, slice/substring/indexOf/split with a string separator, case changes and
// replaceAll with a string pattern. Checksum: lengths and a hash over sampled characters.
const { run, Random, mix } = require('./harness.js');

const LINES = 24000;

function hashString(s, h) {
  // Sample every 7th character so hashing does not dominate the benchmark.
  for (let i = 0; i < s.length; i += 7) h = mix(h, s.charCodeAt(i));
  return mix(h, s.length);
}

function buildReport(random) {
  let report = '';
  for (let i = 0; i < LINES; i++) {
    const id = String(random.int(100000)).padStart(6, '0');
    const amount = (random.int(1000000) / 100).toFixed(2);
    const name = String.fromCharCode(65 + random.int(26), 97 + random.int(26), 97 + random.int(26));
    report += `${id};${name.padEnd(5, '.')};${amount}\n`;
  }
  return report;
}

function buildTable(random) {
  const rows = [];
  for (let i = 0; i < LINES / 2; i++) {
    const cells = [];
    for (let j = 0; j < 6; j++) cells.push(String(random.int(1000)));
    rows.push(`| ${cells.join(' | ')} |`);
  }
  const rule = '-'.repeat(rows[0].length);
  return [rule, rows.join('\n'), rule].join('\n');
}

function transform(report) {
  let h = 0;
  const lines = report.split('\n');
  let upper = 0;
  for (const line of lines) {
    if (line.length === 0) continue;
    const first = line.indexOf(';');
    const last = line.lastIndexOf(';');
    const id = line.substring(0, first);
    const name = line.slice(first + 1, last);
    const amount = line.slice(last + 1);
    const u = name.toUpperCase();
    if (u.startsWith('A') || u.endsWith('Z.')) upper++;
    h = mix(h, Number(id) + amount.length);
  }
  const replaced = report.replaceAll(';', ', ');
  return mix(mix(h, upper), replaced.length);
}

function charCodes(random) {
  const codes = [];
  for (let i = 0; i < 20000; i++) codes.push(32 + random.int(95));
  let s = '';
  for (let i = 0; i < codes.length; i += 8) {
    s += String.fromCharCode(codes[i], codes[i + 1], codes[i + 2], codes[i + 3]);
  }
  return s.trim().toLowerCase();
}

run('stringbuild', function iteration() {
  const random = new Random(31337);
  const report = buildReport(random);
  const table = buildTable(random);
  let h = hashString(report, 0);
  h = hashString(table, h);
  h = mix(h, transform(report));
  h = hashString(charCodes(random), h);
  return h;
}, 1472987151);
