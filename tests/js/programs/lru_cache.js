// An LRU cache on top of Map's insertion order (delete + set moves a key to the end).
class LRU {
  constructor(cap) { this.cap = cap; this.map = new Map(); this.hits = 0; this.misses = 0; }
  get(k) {
    if (!this.map.has(k)) { this.misses++; return undefined; }
    var v = this.map.get(k);
    this.map.delete(k);
    this.map.set(k, v);
    this.hits++;
    return v;
  }
  put(k, v) {
    if (this.map.has(k)) this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.cap) this.map.delete(this.map.keys().next().value);
  }
  keys() { return [...this.map.keys()].join(','); }
}
var c = new LRU(3);
c.put('a', 1); c.put('b', 2); c.put('c', 3);
c.get('a');
c.put('d', 4);
print(c.keys(), c.get('b'), c.get('c'), c.keys());  // expect: c,a,d undefined 3 a,d,c
c.put('a', 10);
c.put('e', 5);
print(c.keys(), c.get('a'), c.hits, c.misses);  // expect: c,a,e 10 3 1
var big = new LRU(100);
for (var i = 0; i < 10000; i++) { big.put(i % 150, i); big.get((i * 7) % 150); }
print(big.map.size, big.hits, big.misses, big.keys().split(',').slice(0, 3).join(','));
// expect: 100 5450 4550 140,21,147
