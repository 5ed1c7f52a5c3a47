// labels, break and continue with and without labels, and their targets
outer: for (var i = 0; i < 3; i++) {
  inner: for (var j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break inner;
    if (i === j) continue;
  }
}
block: {
  if (done) break block;
  more();
}
a: b: while (true) break a;
switch (k) { case 1: while (1) { break; } break; }
