// Labeled break and continue across nested loops and blocks.
var out = [];
outer: for (var i = 0; i < 3; i++) {
  for (var j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break outer;
    out.push(i + '' + j);
  }
}
print(out.join(' '), i, j);  // expect: 00 10 2 0
out = [];
rows: for (var r = 0; r < 4; r++) {
  cols: for (var c = 0; c < 4; c++) {
    if (c > r) continue rows;
    if (r === 3 && c === 1) break rows;
    out.push(r * 10 + c);
  }
}
print(out.join(','));  // expect: 0,10,11,20,21,22,30
// break out of a labeled block.
var reached = [];
block: {
  reached.push('start');
  if (true) break block;
  reached.push('never');
}
reached.push('after');
print(reached.join());  // expect: start,after
// Labels on while/do-while and nested labels.
var n = 0;
a: b: while (true) {
  n++;
  do {
    n += 10;
    if (n > 50) break a;
    continue b;
  } while (false);
}
print(n);  // expect: 55
// continue in a labeled for-in and for-of.
var found = [];
search: for (var word of ['apple', 'berry', 'cherry']) {
  for (var ch of word) {
    if (ch === 'r') { found.push(word); continue search; }
  }
}
print(found.join());  // expect: berry,cherry
// break inside switch inside a loop breaks only the switch; a label breaks the loop.
var log = [];
loop: for (var k = 0; k < 5; k++) {
  switch (k) {
    case 1: log.push('one'); break;
    case 3: log.push('three'); break loop;
    default: log.push('d' + k);
  }
}
print(log.join(), k);  // expect: d0,one,d2,three 3
// Labels with try/finally: finally runs when break leaves it.
var fin = [];
outerTry: for (var t = 0; t < 3; t++) {
  try {
    if (t === 1) break outerTry;
    fin.push('body' + t);
  } finally {
    fin.push('finally' + t);
  }
}
print(fin.join());  // expect: body0,finally0,finally1
