// engine-only: %CollectGarbage is a Strata native behind --allow-natives-syntax
// flags: --allow-natives-syntax
// A full collection in the middle of a program keeps everything reachable intact: objects,
// arrays, strings built at run time, closures, Maps/Sets and a suspended async function.
var keep = { list: [], map: new Map(), set: new Set(), text: '' };
for (var i = 0; i < 1000; i++) {
  keep.list.push({ i: i, s: 'item' + i });
  keep.map.set('k' + i, [i, i * 2]);
  keep.set.add('v' + (i % 100));
  keep.text += String.fromCharCode(97 + (i % 26));
}
function makeCounter() { var c = 0; var junk = new Array(100).fill('x'); return function () { return ++c + junk.length; }; }
var counter = makeCounter();
counter();
for (var g = 0; g < 10000; g++) ({ garbage: [g, 'tmp' + g] });
var resumed = (async function () {
  var local = { payload: 'kept across await' };
  await null;
  return local.payload;
})();
%CollectGarbage();
%CollectGarbage();
print(keep.list.length, keep.list[999].s, keep.list[500].i);
print(keep.map.size, keep.map.get('k123')[1], keep.set.size, keep.set.has('v99'));
print(keep.text.length, keep.text.slice(0, 5), keep.text.slice(-3));
print(counter());
resumed.then(function (v) { %CollectGarbage(); print(v); });
// expect: 1000 item999 500
// expect: 1000 246 100 true
// expect: 1000 abcde jkl
// expect: 102
// expect: kept across await
