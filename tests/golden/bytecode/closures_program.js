// a small realistic program: closures, a class, a loop, a callback
'use strict';
function makeCounter(start = 0) {
  let count = start;
  return {
    next: () => ++count,
    reset() { count = start; },
  };
}
class Queue {
  items = [];
  push(x) { this.items.push(x); return this; }
  drain(fn) {
    while (this.items.length) fn(this.items.shift());
  }
}
const counter = makeCounter(10);
const q = new Queue().push(counter.next()).push(counter.next());
q.drain(v => console.log(`value: ${v}`));
