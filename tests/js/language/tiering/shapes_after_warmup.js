// Property access sites warmed up on one shape meet other shapes, missing properties,
// getters, prototype properties, and dictionary-mode objects.
function getX(o) { return o.x; }
function setX(o, v) { o.x = v; return o; }
function P(x) { this.x = x; }
var objs = [];
for (var i = 0; i < 100; i++) objs.push(new P(i));
var s = 0;
for (var r = 0; r < 50; r++) for (var j = 0; j < objs.length; j++) s += getX(objs[j]);
print(s);  // expect: 247500
var others = [{ x: 'literal' }, { y: 1, x: 'second slot' }, { get x() { return 'getter'; } }, Object.create({ x: 'proto' }), {}, [1, 2], 'str'];
var dict = { a: 1, x: 'dict' };
delete dict.a;
others.push(dict);
print(others.map(getX).join('|'));  // expect: literal|second slot|getter|proto||||dict
var frozen = Object.freeze({ x: 'frozen' });
setX(frozen, 'changed');
var withSetter = { set x(v) { this.seen = v; } };
setX(withSetter, 'via setter');
var ro = Object.create(Object.defineProperty({}, 'x', { value: 'ro', writable: false }));
setX(ro, 'nope');
print(frozen.x, withSetter.seen, ro.x, ro.hasOwnProperty('x'));
// expect: frozen via setter ro false
for (var k = 0; k < 100; k++) setX(objs[k], k * 2);
print(objs[99].x, setX({}, 5).x, setX(new P(1), 'str').x);  // expect: 198 5 str
