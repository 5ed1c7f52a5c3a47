// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "4. The Call Stack", "Why this
// matters": `while (true) {}` never lets the event loop run. Bounded here to 50 ms: the timer
// that was due long before cannot run until the loop ends.
var start = Date.now();
var timerRanDuringLoop = false;
var looping = true;
setTimeout(function () {
  timerRanDuringLoop = looping;
  console.log('timer ran after the loop; during it:', timerRanDuringLoop);
}, 0);
while (Date.now() - start < 50) {}
looping = false;
console.log('loop finished');

// Output:
// expect: loop finished
// expect: timer ran after the loop; during it: false
