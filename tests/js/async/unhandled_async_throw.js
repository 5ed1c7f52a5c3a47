// A throw inside an async function nobody awaits is an unhandled rejection.
async function work() {
  print('working');
  await null;
  throw new TypeError('async failure');
}
work();
print('called');
// expect: working
// expect: called
// expect-exit: 1
// expect-stderr: async failure
