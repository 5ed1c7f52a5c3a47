// Identifiers: Unicode letters, $ and _, \u escapes, and contextual keywords usable as names.
var café = 'unicode letter', $ = 'dollar', _ = 'underscore', $_$ = 'mixed', ñandú = 'bird', π = 3.14159;
print(café, $, _, $_$, ñandú, π);  // expect: unicode letter dollar underscore mixed bird 3.14159
var \u0061bc = 'escaped name';
print(abc, \u{61}bc === abc);  // expect: escaped name true
var \u{1d4b3}x = 'astral escape';
print(\u{1d4b3}x);  // expect: astral escape
var let_ = 1, of = 2, get = 3, set = 4, async = 5, await = 6, yield_ = 7, static_ = 8, from = 9, as = 10, target = 11;
print(let_ + of + get + set + async + await + yield_ + static_ + from + as + target);  // expect: 66
var obj = { get: 1, set: 2, new: 3, class: 4, async: 5, await: 6, of: 7, let: 8, static: 9 };
print(obj.get + obj.set + obj.new + obj.class + obj.async + obj.await + obj.of + obj.let + obj.static);
// expect: 45
function async2(async) { return async; }
print(async2('param named async'));  // expect: param named async
var o2 = { async() { return 'method named async'; }, get() { return 'method named get'; }, static() { return 'static'; } };
print(o2.async(), o2.get(), o2.static());  // expect: method named async method named get static
print(typeof undefined, (function (undefined) { return undefined; })(5));  // expect: undefined 5
