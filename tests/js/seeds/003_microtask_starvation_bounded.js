// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "Real-world warning: microtask
// starvation". The article's loop() queues microtasks forever so the event loop "never
// reaches macrotasks"; this bounded version stops after 100,000 microtasks and shows that the
// timer, due from the start, ran only afterwards.
let iterations = 0;
let timerRan = false;
setTimeout(() => {
  timerRan = true;
  console.log("Timeout ran after", iterations, "microtasks");
}, 0);
function loop() {
  if (timerRan) throw new Error("a timer ran while microtasks were pending");
  if (++iterations < 100000) Promise.resolve().then(loop);
}
loop();
// expect: Timeout ran after 100000 microtasks
