// async/await ordering as the specification (and node) gives it: an async function runs
// synchronously until its first await; an await of a promise or a value resumes a tick later.
async function test() {
  print(1);
  await Promise.resolve();
  print(2);
}
test();
print(3);
async function a1() { print('a1 start'); await null; print('a1 after await null'); await undefined; print('a1 after second await'); }
async function a2() { print('a2 start'); await Promise.resolve('x'); print('a2 after await promise'); }
a1();
a2();
Promise.resolve().then(function () { print('then 1'); }).then(function () { print('then 2'); }).then(function () { print('then 3'); });
print('sync end');

// Output:
// expect: 1
// expect: 3
// expect: a1 start
// expect: a2 start
// expect: sync end
// expect: 2
// expect: a1 after await null
// expect: a2 after await promise
// expect: then 1
// expect: a1 after second await
// expect: then 2
// expect: then 3
