// queueMicrotask and promise reactions share one FIFO queue.
var log = [];
queueMicrotask(function () { log.push('qm1'); });
Promise.resolve().then(function () { log.push('p1'); queueMicrotask(function () { log.push('qm from p1'); }); });
queueMicrotask(function () { log.push('qm2'); Promise.resolve().then(function () { log.push('p from qm2'); }); });
Promise.reject(new Error('r')).catch(function () { log.push('catch1'); });
var resolveLater;
var pending = new Promise(function (r) { resolveLater = r; });
pending.then(function () { log.push('pending resolved'); });
queueMicrotask(function () { resolveLater(); log.push('qm3 resolves pending'); });
setTimeout(function () { print(log.join(' ')); }, 0);
try { queueMicrotask('not a function'); } catch (e) { print(e.name); }

// Output:
// expect: TypeError
// expect: qm1 p1 qm2 catch1 qm3 resolves pending qm from p1 p from qm2 pending resolved
