'use strict';
// spectralnorm.js: the spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1),
// approximated by ten power iterations of A'A on an N-vector (nested loops over double
// arrays, a small function called in the innermost loop). Checksum: the norm rounded to 1e-9.
const { run } = require('./harness.js');

const N = 220;

function a(i, j) {
  return 1 / (((i + j) * (i + j + 1)) / 2 + i + 1);
}

function multiplyAv(n, v, av) {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a(i, j) * v[j];
    av[i] = sum;
  }
}

function multiplyAtv(n, v, atv) {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a(j, i) * v[j];
    atv[i] = sum;
  }
}

function multiplyAtAv(n, v, out, tmp) {
  multiplyAv(n, v, tmp);
  multiplyAtv(n, tmp, out);
}

function spectralNorm(n) {
  const u = [];
  const v = [];
  const tmp = [];
  for (let i = 0; i < n; i++) {
    u.push(1.0);
    v.push(0.0);
    tmp.push(0.0);
  }
  for (let i = 0; i < 10; i++) {
    multiplyAtAv(n, u, v, tmp);
    multiplyAtAv(n, v, u, tmp);
  }
  let vBv = 0;
  let vv = 0;
  for (let i = 0; i < n; i++) {
    vBv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  return Math.sqrt(vBv / vv);
}

run('spectralnorm', function iteration() {
  return Math.round(spectralNorm(N) * 1e9);
}, 1274223736);
