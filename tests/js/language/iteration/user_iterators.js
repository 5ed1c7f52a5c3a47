// The iteration protocol with user-defined iterables: for-of, spread, Array.from,
// destructuring, Map/Set constructors and Promise.all all call [Symbol.iterator]().next().
function range(start, end, step) {
  return {
    [Symbol.iterator]() {
      var cur = start;
      return {
        next() {
          if (cur < end) { var v = cur; cur += step; return { value: v, done: false }; }
          return { value: 'ignored', done: true };
        },
      };
    },
  };
}
var r = range(0, 10, 3);
var viaForOf = [];
for (var x of r) viaForOf.push(x);
print(viaForOf.join(), [...r].join(), Array.from(r).join(), Array.from(r, (v) => v * 2).join());
// expect: 0,3,6,9 0,3,6,9 0,3,6,9 0,6,12,18
var [a, b, ...rest] = r;
print(a, b, rest.join());  // expect: 0 3 6,9
print(new Set(range(0, 3, 1)).size, Math.max(...range(0, 100, 7)));  // expect: 3 98
var m = new Map({ [Symbol.iterator]() { return [['k', 'v']][Symbol.iterator](); } });
print(m.get('k'));  // expect: v
// Each for-of gets a fresh iterator from the iterable.
var calls = 0;
var counted = { [Symbol.iterator]() { calls++; return [1, 2][Symbol.iterator](); } };
for (var c of counted);
for (var c2 of counted);
print(calls);  // expect: 2
// An object that is its own iterator.
var selfIter = {
  i: 0,
  next() { return this.i < 3 ? { value: this.i++, done: false } : { done: true }; },
  [Symbol.iterator]() { return this; },
};
print([...selfIter].join(), [...selfIter].length);  // expect: 0,1,2 0
// done and value are read with ToBoolean, value missing means undefined.
var loose = {
  [Symbol.iterator]() {
    var n = 0;
    return { next() { n++; return n < 3 ? { done: 0 } : { done: 'yes' }; } };
  },
};
print(JSON.stringify([...loose]));  // expect: [null,null]
// Built-in iterators: arrays, strings, Maps, Sets, arguments and their entries/keys/values.
var it = ['a', 'b'][Symbol.iterator]();
print(JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
// expect: {"value":"a","done":false} {"value":"b","done":false} {"done":true}
var si = 'hi'[Symbol.iterator]();
print(si.next().value, si.next().value, si.next().done);  // expect: h i true
print(JSON.stringify([...['x', 'y'].entries()]), [...['x', 'y'].keys()].join(), [...['x', 'y'].values()].join());
// expect: [[0,"x"],[1,"y"]] 0,1 x,y
print(typeof [][Symbol.iterator], [][Symbol.iterator] === [].values, typeof new Map()[Symbol.iterator]);
// expect: function true function
// Errors: next must return an object, Symbol.iterator must return an object.
try { [...{ [Symbol.iterator]() { return { next() { return 5; } }; } }]; } catch (e) { print(e.name); }
// expect: TypeError
try { [...{ [Symbol.iterator]() { return 5; } }]; } catch (e) { print(e.name); }
// expect: TypeError
try { for (var q of { [Symbol.iterator]: 'not callable' }); } catch (e) { print(e.name); }
// expect: TypeError
// Iterating an array while it grows: the iterator sees new elements.
var grow = [1];
var seen = [];
for (var g of grow) { seen.push(g); if (g < 4) grow.push(g + 1); }
print(seen.join());  // expect: 1,2,3,4
// An infinite iterator stopped with break.
var naturals = { [Symbol.iterator]() { var n = 0; return { next() { return { value: n++, done: false }; } }; } };
var firstFive = [];
for (var nat of naturals) { if (nat >= 5) break; firstFive.push(nat); }
print(firstFive.join());  // expect: 0,1,2,3,4
