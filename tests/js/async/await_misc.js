// await in class methods, static methods, object-literal methods, arrows in loops, nested
// async closures and with Promise.all; await of non-promises and of rejected promises.
class Repo {
  constructor() { this.items = ['a', 'b', 'c']; }
  async get(i) { await null; return this.items[i]; }
  static async make() { var r = new Repo(); await r.get(0); return r; }
}
var obj = { base: 10, async add(x) { return this.base + (await x); } };
async function main() {
  var repo = await Repo.make();
  var got = [];
  for (var i = 0; i < 3; i++) got.push(await repo.get(i));
  print(got.join(''));
  print(await obj.add(5), await obj.add(Promise.resolve(7)));
  var doubled = await Promise.all([1, 2, 3].map(async (x) => { await null; return x * 2; }));
  print(doubled.join());
  var inner = async function () { return async () => 'nested async arrow'; };
  print(await (await inner())());
  print(await 42, await 'str', await undefined, typeof (await { not: 'thenable' }));
  try { await Promise.reject(new SyntaxError('awaited')); } catch (e) { print('caught', e.name); }
  var results = [];
  for (const p of [Promise.resolve(1), 2, Promise.resolve(3)]) results.push(await p);
  print(results.join());
  return 'main done';
}
main().then(print);
print('main started');

// Output:
// expect: main started
// expect: abc
// expect: 15 17
// expect: 2,4,6
// expect: nested async arrow
// expect: 42 str undefined object
// expect: caught SyntaxError
// expect: 1,2,3
// expect: main done
