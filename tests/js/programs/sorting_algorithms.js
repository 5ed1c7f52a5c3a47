// Hand-written quicksort, mergesort, heapsort and insertion sort agree with Array.prototype.sort.
function lcg(seed) { var s = seed; return function () { s = (s * 1103515245 + 12345) % 2147483648; return s; }; }
var rnd = lcg(42);
var data = [];
for (var i = 0; i < 2000; i++) data.push(rnd() % 10000);
function quick(a) {
  if (a.length <= 1) return a;
  var pivot = a[a.length >> 1], less = [], equal = [], more = [];
  for (var i = 0; i < a.length; i++) (a[i] < pivot ? less : a[i] > pivot ? more : equal).push(a[i]);
  return quick(less).concat(equal, quick(more));
}
function merge(a) {
  if (a.length <= 1) return a;
  var mid = a.length >> 1, l = merge(a.slice(0, mid)), r = merge(a.slice(mid)), out = [], i = 0, j = 0;
  while (i < l.length && j < r.length) out.push(l[i] <= r[j] ? l[i++] : r[j++]);
  return out.concat(l.slice(i), r.slice(j));
}
function heap(input) {
  var a = input.slice(), n = a.length;
  function sift(i, end) {
    while (true) {
      var big = i, l = 2 * i + 1, r = l + 1;
      if (l < end && a[l] > a[big]) big = l;
      if (r < end && a[r] > a[big]) big = r;
      if (big === i) return;
      var t = a[i]; a[i] = a[big]; a[big] = t; i = big;
    }
  }
  for (var s = (n >> 1) - 1; s >= 0; s--) sift(s, n);
  for (var e = n - 1; e > 0; e--) { var t = a[0]; a[0] = a[e]; a[e] = t; sift(0, e); }
  return a;
}
function insertion(input) {
  var a = input.slice();
  for (var i = 1; i < a.length; i++) { var v = a[i], j = i - 1; while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; } a[j + 1] = v; }
  return a;
}
var ref = data.slice().sort(function (a, b) { return a - b; }).join();
print(quick(data).join() === ref, merge(data).join() === ref, heap(data).join() === ref, insertion(data.slice(0, 300)).join() === data.slice(0, 300).sort(function (a, b) { return a - b; }).join());
// expect: true true true true
print(ref.slice(0, 40), data.length, data[0], data[1999]);
// expect: 0,0,0,8,16,16,16,16,32,32,48,48,48,48,48 2000 6027 2192
