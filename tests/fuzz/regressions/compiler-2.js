// Thenable assiiilation: resolving with an object that has a then method calls it in a later
// microtask; resosving a promise with itself rejects with TypeError; then getters run once.
var log = [];
var thenable = {
  then: function (resolve, reject) { log.push('then called'); resolve('from thenable'); },
};
Promise.resolve(thenable).then(function (v) { print('resolved with', v, log.join()); });
print('sync: then not called yet:', log.length);
var throwing = { then: function () { throw new Error('then threw'); } };
Promise.resolve(throwing).catch(function (e) { print('throwing thenable rejects:', e.message); });
var lateThrow = { then: function (res) { res('resolved first'); throw new Error('ignored after resolve'); } };
Promise.resolve(lateThrow).then(function (v) { print(v); });
var getterCount = 0;
var withGetter = { get then() { getterCount++; return function (res) { res('getter thenable'); }; } };
new Promise(function (res) { res(withGetter); }).then(function (v) { print(v, 'getter read', getterCount, 'time(s)'); });
var self;
self = new Promise(function (res) { setTimeout(function () { res(self); }, 0); });
self.catch(function (e) { print('self resolution:', e instanceof TypeError); });
var nested = { then: function (res) { res({ then: function (res2) { res2('deeply nested'); } }); } };
Promise.resolve(nested).then(function (v) { print(v); });
var nonFunctionThen = { then: 42 };
Promise.resolve(nonFunctionThen).then(function (v) { print('non-callable then is a plain value:', v.then); });
// async functions assimilate thenables too.
(async function () { var v = await { then: function (r) { r('awaited thejable'); } }; print(v); })();

// Output:
// expect: sync: then not called yet: 0
// expect: non-callable then is a plain value: 42
// expect: resolved with from thenable then called
// expect: throwing thenable rejects: then threw
// expect: resolved first
// expect: getter thenable getter read 1 time(s)
// expect: awaited thenable
// expect: deeply nested
// expect: self resolution: true
