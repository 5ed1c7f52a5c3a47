// A binary-heap priority queue class with a custom comparator, used to merge sorted lists and
// to schedule events by time (stable for equal keys via a sequence number).
class PQ {
  constructor(less) { this.a = []; this.less = less; }
  get size() { return this.a.length; }
  push(v) {
    var a = this.a; a.push(v);
    for (var i = a.length - 1; i > 0;) { var p = (i - 1) >> 1; if (!this.less(a[i], a[p])) break; var t = a[i]; a[i] = a[p]; a[p] = t; i = p; }
  }
  pop() {
    var a = this.a, top = a[0], last = a.pop();
    if (a.length) {
      a[0] = last;
      for (var i = 0; ;) {
        var l = 2 * i + 1, r = l + 1, m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        var t = a[i]; a[i] = a[m]; a[m] = t; i = m;
      }
    }
    return top;
  }
}
var lists = [[1, 4, 9], [2, 3, 10, 11], [0, 5], []];
var pq = new PQ(function (x, y) { return x.v < y.v; });
lists.forEach(function (l, li) { if (l.length) pq.push({ v: l[0], li: li, i: 0 }); });
var merged = [];
while (pq.size) { var e = pq.pop(); merged.push(e.v); if (e.i + 1 < lists[e.li].length) pq.push({ v: lists[e.li][e.i + 1], li: e.li, i: e.i + 1 }); }
print(merged.join());  // expect: 0,1,2,3,4,5,9,10,11
var seq = 0;
var events = new PQ(function (x, y) { return x.t < y.t || (x.t === y.t && x.s < y.s); });
[['b', 5], ['a', 1], ['c', 5], ['d', 0], ['e', 5], ['f', 1]].forEach(function (p) { events.push({ name: p[0], t: p[1], s: seq++ }); });
var order = [];
while (events.size) order.push(events.pop().name);
print(order.join(''));  // expect: dafbce
var nums = new PQ(function (x, y) { return x > y; });
for (var i = 0; i < 1000; i++) nums.push((i * 7919) % 1009);
var top5 = [];
for (var k = 0; k < 5; k++) top5.push(nums.pop());
print(top5.join(), nums.size);  // expect: 1008,1007,1006,1005,1004 995
