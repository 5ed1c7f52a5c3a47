// Errors in async code: rejections caught by await's try/catch, by .catch, or reported as
// unhandled when nobody handles them.
async function fails(msg) { await null; throw new Error(msg); }
async function catches() {
  try { await fails('caught by try'); } catch (e) { return 'handled: ' + e.message; }
}
catches().then(function (v) { print(v); });
fails('caught by catch').catch(function (e) { print('handled: ' + e.message); });
async function rethrows() {
  try { await fails('first'); } catch (e) { throw new RangeError('rethrown after ' + e.message); }
}
rethrows().then(null, function (e) { print(e.name, e.message); });
var arrowFail = async () => { throw 'plain value'; };
arrowFail().catch(function (v) { print('rejected with a plain value:', v); });
// Promise.all with one async failure.
Promise.all([fails('in all'), Promise.resolve(1)]).catch(function (e) { print('all:', e.message); });
// A rejection handled later in the same microtask turn is not unhandled.
var late = fails('handled a bit later');
Promise.resolve().then(function () { late.catch(function (e) { print('late handler:', e.message); }); });

// Output:
// expect: rejected with a plain value: plain value
// expect: handled: caught by catch
// expect: late handler: handled a bit later
// expect: handled: caught by try
// expect: RangeError rethrown after first
// expect: all: in all
