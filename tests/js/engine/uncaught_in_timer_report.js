// engine-only: the exact report format of an uncaught exception is Strata's
// An exception escaping a timer callback is reported like one from the main script.
setTimeout(function timerCallback() { throw new RangeError('from timer'); }, 0);
print('scheduled');
// expect: scheduled
// expect-uncaught: RangeError: from timer
// expect-stderr: timerCallback
