// Code that relies on a prototype chain (a method found on a prototype, a property missing
// everywhere) is invalidated when the chain changes, including while it is on the stack.
// requires-tier: mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax
class Animal { speak() { return "..."; } }
class Dog extends Animal { }
function talk(d) { return d.speak(); }
function missing(d) { return d.tail; }
const rex = new Dog();
for (let i = 0; i < 300; i++) { talk(rex); missing(rex); }
%OptimizeFunctionOnNextCall(talk);
%OptimizeFunctionOnNextCall(missing);
print(talk(rex), missing(rex));
Dog.prototype.speak = function () { return "woof"; };
print(talk(rex));
Animal.prototype.tail = "long";
print(missing(rex));
Object.prototype.speak = function () { return "object"; };
delete Dog.prototype.speak;
print(talk(rex));
// Invalidation while the code is running: the callee changes the prototype mid-call.
function change() { Animal.prototype.speak = function () { return "changed"; }; return 1; }
function mixed(d, f) { const x = d.speak(); const y = f(); return x + y + d.speak(); }
for (let i = 0; i < 300; i++) mixed(rex, () => 0);
%OptimizeFunctionOnNextCall(mixed);
print(mixed(rex, () => 0));
print(mixed(rex, change));
// expect: ... undefined
// expect: woof
// expect: long
// expect: ...
// expect: ...0...
// expect: ...1changed
