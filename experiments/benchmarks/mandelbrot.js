'use strict';
// mandelbrot.js: the Mandelbrot set on a SIZE x SIZE grid (50 iterations, escape radius 2),
// packed eight pixels per byte as in the benchmarks game; tight floating-point loops with
// integer bit operations. The checksum folds every output byte into a 31-bit hash.
const { run, mix } = require('./harness.js');

const SIZE = 300;
const MAX_ITER = 50;
const LIMIT2 = 4.0;

function mandelbrot(size) {
  let h = 0;
  let inside = 0;
  for (let y = 0; y < size; y++) {
    const ci = (2.0 * y) / size - 1.0;
    let byte = 0;
    let bit = 0;
    for (let x = 0; x < size; x++) {
      const cr = (2.0 * x) / size - 1.5;
      let zr = 0.0;
      let zi = 0.0;
      let tr = 0.0;
      let ti = 0.0;
      let i = 0;
      while (i < MAX_ITER && tr + ti <= LIMIT2) {
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
        i++;
      }
      byte = byte << 1;
      if (tr + ti <= LIMIT2) {
        byte |= 1;
        inside++;
      }
      bit++;
      if (bit === 8) {
        h = mix(h, byte);
        byte = 0;
        bit = 0;
      }
    }
    if (bit !== 0) {
      h = mix(h, byte << (8 - bit));
    }
  }
  return `${inside}:${h}`;
}

run('mandelbrot', function iteration() {
  return mandelbrot(SIZE);
}, '35751:414793326');
