// Long-running top-level loops (entered while hot, via on-stack replacement in JIT tiers) whose
// variables change type midway or that exit through break/labels.
var a = 0, b = 1.5, s = '';
for (var i = 0; i < 100000; i++) {
  a += i % 3;
  if (i === 60000) b = 'now a string';
  if (i % 25000 === 0) s += typeof b + ';';
}
print(a, b, s);  // expect: 99999 now a string number;number;number;string;
var found = -1;
outer: for (var x = 0; x < 1000; x++) {
  for (var y = 0; y < 1000; y++) {
    if (x * y === 123456) { found = x * 1000 + y; break outer; }
  }
}
print(found);  // expect: 192643
var arr = [];
for (var k = 0; k < 50000; k++) { arr.push(k); if (k === 40000) arr.push('marker'); }
print(arr.length, arr[40001], arr.indexOf('marker'));  // expect: 50001 marker 40001
var total = 0, count = 0;
while (true) {
  total += count * 0.5;
  if (++count === 80000) break;
}
print(total, count);  // expect: 1599980000 80000
var obj = { v: 0 };
for (var m = 0; m < 60000; m++) { obj.v += 1; if (m === 30000) obj = { w: 'other', v: obj.v }; }
print(obj.v, obj.w);  // expect: 60000 other
