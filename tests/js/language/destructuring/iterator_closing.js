// Array destructuring uses the iteration protocol and closes the iterator (calls return())
// when it stops early; it does not call return() when the iterator is exhausted.
function makeIterable(n, log) {
  return {
    [Symbol.iterator]() {
      var i = 0;
      return {
        next() { log.push('next'); return i < n ? { value: i++, done: false } : { value: undefined, done: true }; },
        return() { log.push('return'); return {}; },
      };
    },
  };
}
var log = [];
var [a, b] = makeIterable(5, log);
print(a, b, log.join());  // expect: 0 1 next,next,return
log = [];
var [c, d, e] = makeIterable(2, log);
print(c, d, e, log.join());  // expect: 0 1 undefined next,next,next
log = [];
var [...all] = makeIterable(3, log);
print(all.join(), log.join());  // expect: 0,1,2 next,next,next,next
log = [];
var [] = makeIterable(3, log);
print(log.join());  // expect: return
log = [];
var [, , third] = makeIterable(5, log);
print(third, log.join());  // expect: 2 next,next,next,return
// A throwing default closes the iterator too.
log = [];
try {
  var [x = (function () { throw new Error('default threw'); })()] = { [Symbol.iterator]() { return { next() { log.push('next'); return { value: undefined, done: false }; }, return() { log.push('return'); return {}; } }; } };
} catch (err) {
  print(err.message, log.join());  // expect: default threw next,return
}
