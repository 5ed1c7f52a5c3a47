// Array lengths outside 0..2^32-1 throw a catchable RangeError "Invalid array length" (as node).
function tryIt(label, f) {
  try { f(); print(label, 'no error'); } catch (e) { print(label, e.name, e.message); }
}
tryIt('new Array(2^32)', function () { return new Array(Math.pow(2, 32)); });  // expect: new Array(2^32) RangeError Invalid array length
tryIt('new Array(-1)', function () { return new Array(-1); });  // expect: new Array(-1) RangeError Invalid array length
tryIt('new Array(1.5)', function () { return new Array(1.5); });  // expect: new Array(1.5) RangeError Invalid array length
tryIt('length = 2^32', function () { var a = []; a.length = Math.pow(2, 32); });  // expect: length = 2^32 RangeError Invalid array length
tryIt('push past 2^32-1', function () { var a = new Array(Math.pow(2, 32) - 1); a.push(1); });  // expect: push past 2^32-1 RangeError Invalid array length
var sparse = new Array(Math.pow(2, 32) - 1);
print(sparse.length, sparse[5]);  // expect: 4294967295 undefined
