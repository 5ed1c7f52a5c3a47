'use strict';
// sort.js: several sorting algorithms on the same pseudo-random data: quicksort (median of
// three), top-down merge sort, heapsort, Shell sort, insertion sort on short runs, and the
// built-in Array.prototype.sort with comparators (numbers, then objects by two keys, which
// also checks that the built-in sort is stable). Every result is verified against the others.
const { run, Random, mix } = require('./harness.js');

const N = 20000;
const SMALL = 400;

function quicksort(a, lo, hi) {
  while (hi - lo > 16) {
    const mid = (lo + hi) >> 1;
    // Median of three as pivot.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Recurse into the smaller half, loop on the larger one.
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
  insertionSort(a, lo, hi);
}

function swap(a, i, j) {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

function insertionSort(a, lo, hi) {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

function mergeSort(a) {
  const tmp = a.slice();
  mergeRange(a, tmp, 0, a.length);
  return a;
}

function mergeRange(a, tmp, lo, hi) {
  if (hi - lo < 2) return;
  const mid = (lo + hi) >> 1;
  mergeRange(a, tmp, lo, mid);
  mergeRange(a, tmp, mid, hi);
  let i = lo;
  let j = mid;
  let k = lo;
  while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
  while (i < mid) tmp[k++] = a[i++];
  while (j < hi) tmp[k++] = a[j++];
  for (k = lo; k < hi; k++) a[k] = tmp[k];
}

function heapSort(a) {
  const n = a.length;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(a, i, n);
  for (let end = n - 1; end > 0; end--) {
    swap(a, 0, end);
    siftDown(a, 0, end);
  }
  return a;
}

function siftDown(a, i, n) {
  for (;;) {
    let largest = i;
    const l = 2 * i + 1;
    const r = l + 1;
    if (l < n && a[l] > a[largest]) largest = l;
    if (r < n && a[r] > a[largest]) largest = r;
    if (largest === i) return;
    swap(a, i, largest);
    i = largest;
  }
}

function shellSort(a) {
  const gaps = [701, 301, 132, 57, 23, 10, 4, 1];
  for (const gap of gaps) {
    for (let i = gap; i < a.length; i++) {
      const v = a[i];
      let j = i;
      while (j >= gap && a[j - gap] > v) {
        a[j] = a[j - gap];
        j -= gap;
      }
      a[j] = v;
    }
  }
  return a;
}

function sameArrays(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

run('sort', function iteration() {
  const random = new Random(7);
  const data = [];
  for (let i = 0; i < N; i++) data.push(random.int(100000));

  const reference = data.slice().sort((x, y) => x - y);
  const q = data.slice();
  quicksort(q, 0, q.length - 1);
  const m = mergeSort(data.slice());
  const h = heapSort(data.slice());
  const s = shellSort(data.slice());
  const small = data.slice(0, SMALL);
  insertionSort(small, 0, small.length - 1);
  if (!sameArrays(q, reference)) throw new Error('quicksort differs');
  if (!sameArrays(m, reference)) throw new Error('merge sort differs');
  if (!sameArrays(h, reference)) throw new Error('heapsort differs');
  if (!sameArrays(s, reference)) throw new Error('Shell sort differs');
  if (!sameArrays(small, data.slice(0, SMALL).sort((x, y) => x - y))) {
    throw new Error('insertion sort differs');
  }

  // Records sorted by a coarse key: a stable sort keeps equal keys in input order.
  const records = data.slice(0, 3000).map((v, i) => ({ key: v % 50, index: i, name: `r${v}` }));
  records.sort((x, y) => x.key - y.key);
  for (let i = 1; i < records.length; i++) {
    const p = records[i - 1];
    const c = records[i];
    if (p.key > c.key || (p.key === c.key && p.index > c.index)) throw new Error('unstable sort');
  }
  const names = records.map((r) => r.name).sort();

  let hash = 0;
  for (let i = 0; i < N; i += 97) hash = mix(hash, reference[i]);
  for (let i = 0; i < records.length; i += 31) hash = mix(hash, records[i].index);
  return mix(hash, names[names.length >> 1].length + names[0].charCodeAt(1));
}, 1652320465);
