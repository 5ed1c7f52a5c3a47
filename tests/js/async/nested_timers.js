// Timers that schedule timers, intervals interleaved with timeouts, and zero-delay timers
// scheduled from a timer run in a later round, after the microtasks.
var log = [];
var depth = 0;
function chain() {
  log.push('chain ' + depth);
  if (++depth < 5) setTimeout(chain, 0);
  else finish();
}
setTimeout(chain, 0);
setTimeout(function () {
  log.push('sibling timer');
  Promise.resolve().then(function () { log.push('microtask of sibling'); });
}, 0);
function finish() {
  setTimeout(function () { print(log.join(' | ')); }, 0);
  // expect: chain 0 | sibling timer | microtask of sibling | chain 1 | chain 2 | chain 3 | chain 4
}
