// Exceptions thrown from implicit calls propagate: constructors, getters in destructuring,
// toString in templates, valueOf in arithmetic, comparators in sort, callbacks in map,
// iterators in spread, and JSON.stringify's toJSON.
function attempt(label, f) { try { f(); print(label, 'no error'); } catch (e) { print(label, e.name, e.message); } }
// expect: new TypeError from constructor
// expect: getter via destructuring RangeError from getter
// expect: template toString Error from toString
// expect: valueOf in arithmetic EvalError from valueOf
// expect: sort comparator Error from comparator
// expect: map callback URIError from callback
// expect: spread iterator Error from next
// expect: toJSON SyntaxError from toJSON
// expect: setter Error from setter 7
// expect: property key Error from key
// expect: default param Error from default
function Ctor() { throw new TypeError('from constructor'); }
attempt('new', function () { new Ctor(); });
attempt('getter via destructuring', function () { var { g } = { get g() { throw new RangeError('from getter'); } }; });
attempt('template toString', function () { `${{ toString() { throw new Error('from toString'); } }}`; });
attempt('valueOf in arithmetic', function () { ({ valueOf() { throw new EvalError('from valueOf'); } }) * 2; });
attempt('sort comparator', function () { [3, 1, 2].sort(function () { throw new Error('from comparator'); }); });
attempt('map callback', function () { [1].map(function () { throw new URIError('from callback'); }); });
attempt('spread iterator', function () { [...{ [Symbol.iterator]() { return { next() { throw new Error('from next'); } }; } }]; });
attempt('toJSON', function () { JSON.stringify({ toJSON() { throw new SyntaxError('from toJSON'); } }); });
attempt('setter', function () { ({ set s(v) { throw new Error('from setter ' + v); } }).s = 7; });
attempt('property key', function () { var o = {}; o[{ toString() { throw new Error('from key'); } }] = 1; });
attempt('default param', function () { (function (a = (function () { throw new Error('from default'); })()) {})(); });
try { new Map([[1, 2], 5]); } catch (e) { print('Map constructor', e.name); }
// expect: Map constructor TypeError
// State changes before the throw are kept.
var log = [];
try { [1, 2, 3].forEach(function (x) { log.push(x); if (x === 2) throw 'stop'; }); } catch (e) { log.push(e); }
print(log.join());  // expect: 1,2,stop
// Errors cross several user frames and keep their identity.
var original = new Error('identity');
function a() { b(); }
function b() { c(); }
function c() { throw original; }
try { a(); } catch (e) { print(e === original, e.message); }  // expect: true identity
