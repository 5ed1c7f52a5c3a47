// Property reads through prototypes must notice changes to the prototype chain: added,
// removed or shadowing properties and replaced prototypes, also after many warm reads.
function Base() {}
Base.prototype.value = function () { return 'base'; };
function read(o) { return o.value(); }
var inst = new Base();
var out = [];
for (var i = 0; i < 100; i++) read(inst);
out.push(read(inst));
Base.prototype.value = function () { return 'patched'; };
out.push(read(inst));
inst.value = function () { return 'own'; };
out.push(read(inst));
delete inst.value;
out.push(read(inst));
Object.setPrototypeOf(inst, { value: function () { return 'new proto'; } });
out.push(read(inst));
print(out.join(' '));  // expect: base patched own patched new proto
// A getter installed on the prototype replaces a data property.
function getName(o) { return o.name; }
var proto = { name: 'data' };
var objs = [Object.create(proto), Object.create(proto)];
var names = [];
for (var j = 0; j < 50; j++) getName(objs[j % 2]);
names.push(getName(objs[0]));
Object.defineProperty(proto, 'name', { get: function () { return 'getter'; }, configurable: true });
names.push(getName(objs[1]));
Object.defineProperty(proto, 'name', { value: 'data again', configurable: true });
names.push(getName(objs[0]));
print(names.join(' '));  // expect: data getter data again
// Built-in prototype patched and restored.
var origPush = Array.prototype.push;
var pushes = 0;
Array.prototype.push = function () { pushes++; return origPush.apply(this, arguments); };
var arr = [];
for (var k = 0; k < 10; k++) arr.push(k);
Array.prototype.push = origPush;
arr.push(10);
print(pushes, arr.length);  // expect: 10 11
// A global function replaced after it was called many times.
var calls = [];
function target() { return 'v1'; }
function callTarget() { return target(); }
for (var m = 0; m < 100; m++) callTarget();
calls.push(callTarget());
target = function () { return 'v2'; };
calls.push(callTarget());
print(calls.join());  // expect: v1,v2
