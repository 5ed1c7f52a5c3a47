// Strings longer than the engine's maximum length throw a catchable RangeError
// "Invalid string length" (as node), whatever builds them; the program carries on.
function tryIt(label, f) {
  try { f(); print(label, 'no error'); } catch (e) { print(label, e.name, e.message); }
}
tryIt('repeat', function () { return 'x'.repeat(Math.pow(2, 30)); });  // expect: repeat RangeError Invalid string length
tryIt('padStart', function () { return 'x'.padStart(Math.pow(2, 31)); });  // expect: padStart RangeError Invalid string length
tryIt('doubling', function () { var s = 'ab'; for (;;) s += s; });  // expect: doubling RangeError Invalid string length
tryIt('concat', function () { var s = 'y'.repeat(1 << 28); return s + s + s + s; });  // expect: concat RangeError Invalid string length
print('still running', 'x'.repeat(3));  // expect: still running xxx
// join of 2048 strings of 1 MiB (2 GiB, over the maximum): the RangeError comes before anything
// is built (it took ~10-30 s of copying before), and a join that fits still works.
var mib = 'y'.repeat(1 << 20), parts = [];
for (var i = 0; i < 2048; i++) parts.push(mib);
tryIt('join', function () { return parts.join(''); });  // expect: join RangeError Invalid string length
tryIt('join-sep', function () { return parts.slice(0, 600).join(mib); });  // expect: join-sep RangeError Invalid string length
print(parts.slice(0, 4).join('-').length, ['a', null, 'b', undefined].join('+'));  // expect: 4194307 a++b+
