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
