// indexOf, lastIndexOf (strict equality), includes (SameValueZero), find/findIndex/findLast/
// findLastIndex (predicates), with fromIndex arguments.
var a = [1, 2, 3, 2, 1, NaN, -0, '2'];
print(a.indexOf(2), a.indexOf('2'), a.indexOf(9), a.indexOf(NaN), a.indexOf(0), a.indexOf(-0));
// expect: 1 7 -1 -1 6 6
print(a.lastIndexOf(2), a.lastIndexOf(1), a.lastIndexOf(NaN), a.lastIndexOf(0));
// expect: 3 4 -1 6
print(a.includes(NaN), a.includes(0), a.includes('2'), a.includes(4), a.includes(undefined));
// expect: true true true false false
print(a.indexOf(2, 2), a.indexOf(2, -5), a.indexOf(1, -1), a.indexOf(1, 100), a.lastIndexOf(2, 2), a.lastIndexOf(2, -6), a.lastIndexOf(1, -100));
// expect: 3 3 -1 -1 1 1 -1
print(a.includes(1, 5), a.includes(1, -4), a.includes(NaN, -3));  // expect: false true true
print([1, , 3].indexOf(undefined), [1, , 3].includes(undefined), [1, , 3].lastIndexOf(undefined));
// expect: -1 true -1
var objs = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 2, dup: true }];
print(objs.find(function (o) { return o.id === 2; }).dup, objs.findIndex(function (o) { return o.id === 2; }));
// expect: undefined 1
print(objs.findLast(function (o) { return o.id === 2; }).dup, objs.findLastIndex(function (o) { return o.id === 2; }));
// expect: true 3
print(objs.find(function (o) { return o.id === 9; }), objs.findIndex(function (o) { return o.id === 9; }), objs.findLastIndex(function () { return false; }));
// expect: undefined -1 -1
// find visits holes (as undefined), with index and array arguments and thisArg.
var visits = [];
[1, , 3].find(function (v, i, arr) { visits.push(i + ':' + v + ':' + (arr.length)); return false; });
print(visits.join(' '));  // expect: 0:1:3 1:undefined:3 2:3:3
var ctx = { target: 3 };
print([1, 2, 3].findIndex(function (v) { return v === this.target; }, ctx));  // expect: 2
try { [].find(5); } catch (e) { print(e.name); }  // expect: TypeError
// Object identity in indexOf.
var o = {};
print([{}, o].indexOf(o), [{}].indexOf({}), [o].includes(o));  // expect: 1 -1 true
// Strings and array-likes.
print(Array.prototype.indexOf.call('hello', 'l'), Array.prototype.lastIndexOf.call('hello', 'l'), Array.prototype.includes.call({ length: 1, 0: NaN }, NaN));
// expect: 2 3 true
