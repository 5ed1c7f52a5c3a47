// for-of calls the iterator's return() when the loop exits early (break, return, throw,
// labeled continue of an outer loop), but not when the iterator finishes on its own.
var log = [];
function tracked(values) {
  return {
    [Symbol.iterator]() {
      var i = 0;
      return {
        next() { log.push('next'); return i < values.length ? { value: values[i++], done: false } : { done: true }; },
        return(v) { log.push('return'); return { done: true }; },
      };
    },
  };
}
function flush() { var s = log.join(','); log = []; return s; }
for (var x of tracked([1, 2, 3])) {}
print('complete:', flush());  // expect: complete: next,next,next,next
for (var y of tracked([1, 2, 3])) { if (y === 2) break; }
print('break:', flush());  // expect: break: next,next,return
function early() { for (var z of tracked([1, 2, 3])) { return z; } }
print('return:', early(), flush());  // expect: return: 1 next,return
try { for (var w of tracked([1, 2])) { throw new Error('boom'); } } catch (e) { print('throw:', e.message, flush()); }
// expect: throw: boom next,return
outer: for (var i = 0; i < 2; i++) { for (var v of tracked(['a', 'b'])) { continue outer; } }
print('continue outer:', flush());  // expect: continue outer: next,return,next,return
for (var u of tracked([1, 2])) { continue; }
print('plain continue:', flush());  // expect: plain continue: next,next,next
// return() is looked up only when needed; a missing return() is fine.
var noReturn = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; } }; } };
for (var n of noReturn) break;
print('no return method ok');  // expect: no return method ok
// An exception from the loop body wins over one from return().
var throwingReturn = {
  [Symbol.iterator]() {
    return { next() { return { value: 1, done: false }; }, return() { throw new Error('from return'); } };
  },
};
try { for (var t of throwingReturn) throw new Error('from body'); } catch (e) { print(e.message); }
// expect: from body
// On break, an exception from return() propagates.
try { for (var t2 of throwingReturn) break; } catch (e) { print(e.message); }
// expect: from return
// return() must return an object when called for break.
var badReturn = {
  [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { return 5; } }; },
};
try { for (var t3 of badReturn) break; } catch (e) { print(e.name); }  // expect: TypeError
// Spread and Array.from exhaust the iterator: no return().
[...tracked([1, 2])];
print('spread:', flush());  // expect: spread: next,next,next
// Nested loops over the same iterable: inner break closes only the inner iterator.
for (var o1 of tracked([1, 2])) { for (var o2 of tracked([1, 2])) break; }
print('nested:', flush());  // expect: nested: next,next,return,next,next,return,next
