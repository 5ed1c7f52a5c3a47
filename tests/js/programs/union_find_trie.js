// Union-find with path compression and a trie with prefix search.
function UF(n) { this.p = []; this.r = []; for (var i = 0; i < n; i++) { this.p.push(i); this.r.push(0); } this.sets = n; }
UF.prototype.find = function (x) { while (this.p[x] !== x) { this.p[x] = this.p[this.p[x]]; x = this.p[x]; } return x; };
UF.prototype.union = function (a, b) {
  a = this.find(a); b = this.find(b);
  if (a === b) return false;
  if (this.r[a] < this.r[b]) { var t = a; a = b; b = t; }
  this.p[b] = a;
  if (this.r[a] === this.r[b]) this.r[a]++;
  this.sets--;
  return true;
};
var uf = new UF(1000);
for (var i = 0; i < 1000; i++) uf.union(i, (i * 37 + 11) % 1000);
print(uf.sets, uf.find(0) === uf.find(999), uf.union(1, 2));  // expect: 13 false true
class Trie {
  constructor() { this.root = {}; this.size = 0; }
  insert(w) { var n = this.root; for (var c of w) n = n[c] = n[c] || {}; if (!n.$) { n.$ = true; this.size++; } }
  withPrefix(p) {
    var n = this.root;
    for (var c of p) { n = n[c]; if (!n) return []; }
    var out = [];
    (function walk(node, acc) { if (node.$) out.push(acc); Object.keys(node).sort().forEach(function (k) { if (k !== '$') walk(node[k], acc + k); }); })(n, p);
    return out;
  }
}
var t = new Trie();
'car card care cart cat catalog dog dot do car'.split(' ').forEach(function (w) { t.insert(w); });
print(t.size, t.withPrefix('car').join(), t.withPrefix('do').join(), t.withPrefix('x').length, t.withPrefix('').length);
// expect: 9 car,card,care,cart do,dog,dot 0 9
