// let and const are block-scoped; each block gets its own binding.
let x = 'outer';
{
  let x = 'block';
  print(x);  // expect: block
  {
    const x = 'inner block';
    print(x);  // expect: inner block
  }
  print(x);  // expect: block
}
print(x);  // expect: outer
if (true) { let onlyHere = 1; }
print(typeof onlyHere);  // expect: undefined
for (let i = 0; i < 2; i++) { let i = 'shadow'; print(i); }
// expect: shadow
// expect: shadow
// const bindings cannot be reassigned, but the object they hold can change.
const obj = { n: 1 };
obj.n = 2;
print(obj.n);  // expect: 2
try { obj = {}; } catch (e) { print(e.name); }  // expect: TypeError
const arr = [1];
arr.push(2);
print(arr.length);  // expect: 2
try { (function () { const k = 1; k += 1; })(); } catch (e) { print(e.name); }  // expect: TypeError
try { (function () { const k = 1; k++; })(); } catch (e) { print(e.name); }  // expect: TypeError
try { (function () { const k = 1; [k] = [2]; })(); } catch (e) { print(e.name); }
// expect: TypeError
// switch cases share one block: a let of one case is visible in the cases after it.
switch (0) {
  case 0:
    let shared = 'from case 0';
  case 1:
    print(shared);  // expect: from case 0
}
// for-of and for-in with const make a fresh binding per iteration.
const seen = [];
for (const v of [1, 2, 3]) seen.push(() => v);
print(seen.map((f) => f()).join(','));  // expect: 1,2,3
const keys = [];
for (const k in { a: 1, b: 2 }) keys.push(() => k);
print(keys.map((f) => f()).join(','));  // expect: a,b
// let without initializer is undefined.
let u;
print(u);  // expect: undefined
// A block-scoped name shadows an outer var inside the block only.
var shadowed = 'var';
{
  let shadowed = 'let';
  print(shadowed);  // expect: let
}
print(shadowed);  // expect: var
