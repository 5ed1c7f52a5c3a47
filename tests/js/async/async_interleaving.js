// Two async functions and a then-chain interleave one step per microtask.
var log = [];
async function A() { log.push('A1'); await null; log.push('A2'); await null; log.push('A3'); }
async function B() { log.push('B1'); await null; log.push('B2'); await null; log.push('B3'); }
A();
B();
Promise.resolve().then(function () { log.push('T1'); }).then(function () { log.push('T2'); }).then(function () { log.push('T3'); });
log.push('sync');
setTimeout(function () { print(log.join(' ')); }, 0);
async function producer(q) { for (var i = 0; i < 3; i++) { q.push('item' + i); await null; } q.push('end'); }
async function consumer(q, out) { while (true) { if (q.length) { var v = q.shift(); if (v === 'end') return out; out.push(v); } await null; } }
var queue = [];
producer(queue);
consumer(queue, []).then(function (got) { print('consumed', got.join(',')); });

// Output:
// expect: consumed item0,item1,item2
// expect: A1 B1 sync A2 B2 T1 A3 B3 T2 T3
