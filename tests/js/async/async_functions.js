// Async declarations, expressions, arrows and methods; return values become resolved promises,
// throws become rejections; await in loops, try/catch/finally, on non-promises.
async function decl(x) { return x * 2; }
var expr = async function (x) { return x + 1; };
var arrow = async (x) => x - 1;
var obj = { async method(x) { return 'method ' + x; }, v: 'obj', async usesThis() { await null; return this.v; } };
class K { async m() { return 'class method'; } static async s() { return 'static async'; } }
print(decl(1) instanceof Promise, typeof expr, arrow.constructor === decl.constructor, decl.constructor !== Function);
Promise.all([decl(21), expr(41), arrow(43), obj.method('x'), obj.usesThis(), new K().m(), K.s()]).then(function (vs) { print(vs.join(' | ')); });
async function thrower() { throw new TypeError('async throw'); }
thrower().catch(function (e) { print('rejected with', e.name, e.message); });
print('thrower returned a promise synchronously:', thrower().catch(function () {}) instanceof Promise);
async function loops() {
  var out = [];
  for (var i = 0; i < 3; i++) out.push(await i);
  for (var v of [Promise.resolve('a'), 'b', Promise.resolve('c')]) out.push(await v);
  var j = 0;
  while (j < 2) { out.push('w' + (await Promise.resolve(j))); j++; }
  return out.join(',');
}
loops().then(function (s) { print('loops:', s); });
async function withTry() {
  var steps = [];
  try {
    steps.push('try');
    await Promise.reject(new Error('awaited rejection'));
    steps.push('not reached');
  } catch (e) {
    steps.push('catch ' + e.message);
    await null;
    steps.push('after await in catch');
  } finally {
    steps.push('finally');
    await null;
    steps.push('after await in finally');
  }
  return steps.join(' > ');
}
withTry().then(function (s) { print(s); });
async function finallyOverride() { try { return 'try'; } finally { await null; } }
finallyOverride().then(function (v) { print('finally with await keeps', v); });
async function nested() { return await decl(await expr(1)); }
nested().then(function (v) { print('nested awaits', v); });
async function sequential() {
  var t = [];
  await new Promise(function (r) { setTimeout(function () { t.push('first'); r(); }, 10); });
  await new Promise(function (r) { setTimeout(function () { t.push('second'); r(); }, 0); });
  return t.join(' then ');
}
sequential().then(function (s) { print('sequential timers:', s); });

// Output:
// expect: true function true true
// expect: thrower returned a promise synchronously: true
// expect: rejected with TypeError async throw
// expect: finally with await keeps try
// expect: 42 | 42 | 42 | method x | obj | class method | static async
// expect: nested awaits 4
// expect: try > catch awaited rejection > after await in catch > finally > after await in finally
// expect: loops: 0,1,2,a,b,c,w0,w1
// expect: sequential timers: first then second
