// Very long promise chains and deep async recursion run without growing the native stack.
var p = Promise.resolve(0);
for (var i = 0; i < 20000; i++) p = p.then(function (v) { return v + 1; });
p.then(function (v) { print('chain of 20000 thens:', v); });
async function countdown(n) { if (n === 0) return 'done'; await null; return countdown(n - 1); }
countdown(5000).then(function (v) { print('async recursion 5000 deep:', v); });
function recurse(n) { return n === 0 ? Promise.resolve('resolved') : Promise.resolve(n - 1).then(recurse); }
recurse(3000).then(function (v) { print('promise recursion:', v); });
var all = [];
for (var j = 0; j < 5000; j++) all.push(Promise.resolve(j));
Promise.all(all).then(function (vs) { print('all of 5000:', vs.length, vs[4999]); });

// Output:
// expect: all of 5000: 5000 4999
// expect: promise recursion: resolved
// expect: async recursion 5000 deep: done
// expect: chain of 20000 thens: 20000
