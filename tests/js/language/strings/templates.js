// Template literals: substitutions use ToString (hint string), nest, and keep raw newlines.
var a = 1, b = 'two', c = [3, 4], d = { toString() { return 'D'; }, valueOf() { return 'V'; } };
print(`${a} ${b} ${c} ${d} ${null} ${undefined} ${true} ${-0} ${1e21}`);
// expect: 1 two 3,4 D null undefined true 0 1e+21
print(`sum: ${a + 2}, call: ${b.toUpperCase()}, cond: ${a > 0 ? 'pos' : 'neg'}`);
// expect: sum: 3, call: TWO, cond: pos
print(`outer ${`inner ${`innermost ${a}`}`}`);  // expect: outer inner innermost 1
print(`${''}${''}`.length, `${a}${a}`, `$`, `$ {a}`, `\${a}`, `{${a}}`);
// expect: 0 11 $ $ {a} ${a} {1}
var multi = `line1
line2
  indented`;
print(multi.split('\n').length, JSON.stringify(multi));  // expect: 3 "line1\nline2\n  indented"
print(JSON.stringify(`tab\there`), `\u0041\x42`, `back\\slash`, `\``);
// expect: "tab\there" AB back\slash `
var obj = { x: 5, f() { return `x is ${this.x}`; } };
print(obj.f());  // expect: x is 5
print(`${[1, [2, 3]]}`, `${{}}`, `${function () {}}`.indexOf('function') === 0);
// expect: 1,2,3 [object Object] true
var n = 0;
var t = `${n++}-${n++}-${n++}`;
print(t, n);  // expect: 0-1-2 3
function tpl(v) { return `<${v}>`; }
print([1, 2, 3].map(tpl).join(''));  // expect: <1><2><3>
var long = '';
for (var i = 0; i < 3; i++) long += `[${i}:${i * i}]`;
print(long);  // expect: [0:0][1:1][2:4]
try { `${Object.create(null)}`; } catch (e) { print(e.name); }  // expect: TypeError
