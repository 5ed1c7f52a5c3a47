// Name resolution walks outward through nested scopes; inner names shadow outer ones.
var name = 'global';
function level1() {
  var name = 'level1';
  function level2() {
    var name = 'level2';
    function level3() { return name; }
    return level3() + ' ' + name;
  }
  return level2() + ' ' + name;
}
print(level1(), name);  // expect: level2 level2 level1 global
function params(name) {
  { let name = 'block'; print(name); }  // expect: block
  return name;
}
print(params('param'));  // expect: param
// catch parameters shadow outer names.
var e = 'outer e';
try { throw 'caught'; } catch (e) { print(e); }  // expect: caught
print(e);  // expect: outer e
// A function's own name is shadowed by a parameter or local of the same name.
function same(same) { return typeof same; }
print(same(1), typeof same);  // expect: number function
function local() { var local = 'string now'; return local; }
print(local(), typeof local);  // expect: string now function
// Arrow functions see the enclosing scope's names.
function counterWithArrow() {
  var count = 0;
  var inc = () => ++count;
  inc(); inc();
  return count;
}
print(counterWithArrow());  // expect: 2
// A shadowing let inside a loop body does not affect the loop variable.
var out = [];
for (var i = 0; i < 3; i++) {
  let i2 = i * 10;
  { let i = 'shadow'; out.push(i + i2); }
}
print(out.join(','), i);  // expect: shadow0,shadow10,shadow20 3
// Class names are visible inside their body even if the outer binding changes.
let Cls = class Inner {
  who() { return typeof Inner; }
};
const saved = Cls;
Cls = null;
print(new saved().who(), typeof Inner);  // expect: function undefined
