// An async task queue with concurrency limit, built on promises and timers. Job a finishes
// only after job d (whatever the timing), so the order follows from the program's logic.
function sleep(ms, v) { return new Promise(function (r) { setTimeout(function () { r(v); }, ms); }); }
function queue(limit) {
  var running = 0, waiting = [], log = [];
  function next() {
    if (running >= limit || !waiting.length) return;
    var job = waiting.shift();
    running++;
    log.push('start ' + job.name + ' (running ' + running + ')');
    job.fn().then(function (v) {
      running--;
      log.push('done ' + job.name + ' -> ' + v);
      job.resolve(v);
      next();
    });
  }
  return {
    add: function (name, fn) { return new Promise(function (resolve) { waiting.push({ name: name, fn: fn, resolve: resolve }); next(); }); },
    log: log,
  };
}
var q = queue(2);
var dDone;
var dFinished = new Promise(function (r) { dDone = r; });
var results = Promise.all([
  q.add('a', function () { return dFinished.then(function () { return sleep(0, 'A'); }); }),
  q.add('b', function () { return sleep(10, 'B'); }),
  q.add('c', function () { return sleep(10, 'C'); }),
  q.add('d', function () { return sleep(0, 'D').then(function (v) { dDone(); return v; }); }),
]);
results.then(function (vs) { print(vs.join('')); print(q.log.join('\n')); });
// expect: ABCD
// expect: start a (running 1)
// expect: start b (running 2)
// expect: done b -> B
// expect: start c (running 2)
// expect: done c -> C
// expect: start d (running 2)
// expect: done d -> D
// expect: done a -> A
