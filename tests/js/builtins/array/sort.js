// Array.prototype.sort: default string order, comparators, stability, undefined and holes
// last, errors, generic receivers; and toSorted.
function fmt(v) {
  if (typeof v === 'string') return '"' + v + '"';
  if (Array.isArray(v)) return show(v);
  return String(v);
}
function show(a) {
  var parts = [];
  for (var i = 0; i < a.length; i++) parts.push(i in a ? fmt(a[i]) : '_');
  return '[' + parts.join(',') + ']';
}
function err(f) {
  try { f(); return 'no error'; } catch (e) { return e.constructor.name; }
}

print(show([10, 9, 1, 100, 25].sort()), show(['b', 'a', 'C', 'aa', ''].sort())); // expect: [1,10,100,25,9] ["","C","a","aa","b"]
print(show([10, 9, 1, 100, 25].sort((a, b) => a - b)), show([3, 1, 2].sort((a, b) => b - a))); // expect: [1,9,10,25,100] [3,2,1]
print(show([3, undefined, 1, , 2].sort()), [3, undefined, 1, , 2].sort().length, 4 in [3, undefined, 1, , 2].sort()); // expect: [1,2,3,undefined,_] 5 false
print(show([, 'b', undefined, 'a', , ].sort((a, b) => (a < b ? -1 : 1)))); // expect: ["a","b",undefined,_,_]
print(show([true, false, null, 'null', 0, -1].sort())); // expect: [-1,0,false,null,"null",true]
print(show(['\uD83D\uDE00', '\uFFFF', 'z'].sort())); // expect: ["z","😀","￿"]
var r = [1, 2];
print(r.sort() === r, show([].sort()), show([5].sort())); // expect: true [] [5]

// comparator results: NaN is 0, non-numbers are converted
print(show([3, 1, 2].sort(() => NaN)), show([3, 1, 2].sort((a, b) => String(a - b)))); // expect: [3,1,2] [1,2,3]
print(show([2, 1].sort((a, b) => ({ valueOf: () => a - b })))); // expect: [1,2]

// stability: equal keys keep their order (merge sort)
var people = [];
for (var i = 0; i < 200; i++) people.push({ age: i % 7, id: i });
people.sort((a, b) => a.age - b.age);
var stable = true;
for (var j = 1; j < people.length; j++) {
  if (people[j - 1].age === people[j].age && people[j - 1].id > people[j].id) stable = false;
  if (people[j - 1].age > people[j].age) stable = false;
}
print(stable, people[0].id, people[199].id); // expect: true 0 195

// comparator must be a function or undefined
print(err(() => [1].sort(null)), err(() => [1].sort(1)), err(() => [].sort({})), show([2, 1].sort(undefined))); // expect: TypeError TypeError TypeError [1,2]
// an exception from the comparator leaves the array as it was
var keep = [3, 1, 2];
print(err(() => keep.sort(() => { throw new RangeError('x'); })), show(keep)); // expect: RangeError [3,1,2]
// the comparator may change the array; the sort still finishes
var mut = [5, 4, 3, 2, 1];
mut.sort(function (a, b) { mut.length = 2; return a - b; });
print(mut.length, show(mut)); // expect: 5 [1,2,3,4,5]

// generic receivers: holes become deletions at the end
var o = { length: 5, 0: 'c', 1: 'a', 3: 'b', 5: 'untouched' };
Array.prototype.sort.call(o);
print(o[0], o[1], o[2], 3 in o, 4 in o, o[5], o.length); // expect: a b c false false untouched 5

// big arrays
var big = [];
for (var k = 0; k < 20000; k++) big.push((k * 7919) % 20000);
big.sort((a, b) => a - b);
var ok = true;
for (var m = 0; m < big.length; m++) if (big[m] !== m) ok = false;
print(ok); // expect: true
var words = [];
for (var n = 0; n < 3000; n++) words.push('w' + ((n * 31) % 3000));
words.sort();
print(words[0], words[1], words[2], words[2999]); // expect: w0 w1 w10 w999

// toSorted: a copy; holes become undefined
var orig = [3, , 1];
var copy = orig.toSorted();
print(show(copy), show(orig), copy !== orig, copy.hasOwnProperty(2)); // expect: [1,3,undefined] [3,_,1] true true
print(show([10, 9, 1].toSorted((a, b) => a - b)), err(() => [].toSorted('x'))); // expect: [1,9,10] TypeError
print(show(Array.prototype.toSorted.call({ length: 2, 0: 'b', 1: 'a' }))); // expect: ["a","b"]
