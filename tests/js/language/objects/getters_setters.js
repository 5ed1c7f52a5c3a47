// Accessor properties in literals and through defineProperty; getters with side effects.
var log = [];
var temp = {
  _c: 25,
  get f() { log.push('get f'); return this._c * 9 / 5 + 32; },
  set f(v) { log.push('set f'); this._c = (v - 32) * 5 / 9; },
  get c() { return this._c; },
};
print(temp.f, temp.c);  // expect: 77 25
temp.f = 212;
print(temp.c, temp.f, log.join(', '));  // expect: 100 212 get f, set f, get f
// A getter without a setter: assignment ignored in sloppy, TypeError in strict.
temp.c = 0;
print(temp.c);  // expect: 100
(function () { 'use strict'; try { temp.c = 0; } catch (e) { print(e.name); } })();
// expect: TypeError
// A setter without a getter reads undefined.
var writeOnly = { set w(v) { this.stored = v; } };
writeOnly.w = 'x';
print(writeOnly.w, writeOnly.stored);  // expect: undefined x
// Getters run every time; results are not cached.
var n = 0;
var counter = { get next() { return ++n; } };
print(counter.next, counter.next, counter.next);  // expect: 1 2 3
// Inherited accessors run with the receiver as this; setters on the prototype intercept writes.
var proto = {
  get full() { return this.first + ' ' + this.last; },
  set full(v) { var p = v.split(' '); this.first = p[0]; this.last = p[1]; },
};
var person = Object.create(proto);
person.full = 'Ada Lovelace';
print(person.first, person.last, person.full, Object.keys(person).join(), person.hasOwnProperty('full'));
// expect: Ada Lovelace Ada Lovelace first,last false
// defineProperty accessors, enumerability.
var obj = {};
var hidden = 0;
Object.defineProperty(obj, 'h', { get: function () { return hidden; }, set: function (v) { hidden = v * 2; }, enumerable: false, configurable: true });
obj.h = 21;
print(obj.h, Object.keys(obj).length, JSON.stringify(obj));  // expect: 42 0 {}
// Getters are called by JSON.stringify, Object.assign, spread and for-in reads.
var side = [];
var src = { get a() { side.push('a'); return 1; }, get b() { side.push('b'); return 2; } };
JSON.stringify(src);
Object.assign({}, src);
var spread = { ...src };
print(side.join(''), spread.a, Object.getOwnPropertyDescriptor(spread, 'a').value);
// expect: ababab 1 1
// Accessor with computed name and static-like use.
var prop = 'dyn';
var computed = { get [prop]() { return 'computed getter'; } };
print(computed.dyn);  // expect: computed getter
// Getter that throws.
var bad = { get boom() { throw new Error('from getter'); } };
try { bad.boom; } catch (e) { print(e.message); }  // expect: from getter
// A getter can replace itself with a data property (lazy initialization).
var lazy = {
  get value() {
    var v = 'computed once';
    Object.defineProperty(this, 'value', { value: v, writable: false });
    side.push('init');
    return v;
  },
};
side = [];
print(lazy.value, lazy.value, side.join());  // expect: computed once computed once init
