// engine-only: --gc-stress is a Strata flag (collect at every allocation)
// flags: --gc-stress
// A small allocation-heavy program under a collection at every allocation.
function Node(v, next) { this.v = v; this.next = next; }
var list = null;
for (var i = 0; i < 200; i++) list = new Node('n' + i, list);
var n = 0, s = '';
for (var p = list; p; p = p.next) { n++; if (n <= 3) s += p.v; }
var m = new Map();
for (var j = 0; j < 50; j++) m.set('k' + j, { j: j, arr: [j, String(j)] });
var parts = [];
m.forEach(function (v, k) { if (v.j % 10 === 0) parts.push(k + '=' + v.arr[1]); });
print(n, s, parts.join(','));
print(JSON.stringify(JSON.parse('{"a":[1,{"b":"c"}]}')), [3, 1, 2].sort().join(), 'abc'.toUpperCase() + 'def'.repeat(2));
// expect: 200 n199n198n197 k0=0,k10=10,k20=20,k30=30,k40=40
// expect: {"a":[1,{"b":"c"}]} 1,2,3 ABCdefdef
