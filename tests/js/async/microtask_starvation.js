// Bounded microtask starvation: while microtasks keep queueing microtasks, timers cannot run
// (the article's unbounded version would freeze the loop forever).
var count = 0;
var timerRan = false;
var timerSawDuringMicrotasks = false;
setTimeout(function () {
  timerRan = true;
  print('timer ran after', count, 'microtasks');
}, 0);
function loop() {
  count++;
  if (timerRan) timerSawDuringMicrotasks = true;
  if (count < 20000) Promise.resolve().then(loop);
  else print('microtasks done:', count, 'timer ran meanwhile:', timerSawDuringMicrotasks);
}
loop();
// The same with queueMicrotask and a busy synchronous start.
var start = Date.now();
while (Date.now() - start < 20) {}
print('sync busy wait done');

// Output:
// expect: sync busy wait done
// expect: microtasks done: 20000 timer ran meanwhile: false
// expect: timer ran after 20000 microtasks
