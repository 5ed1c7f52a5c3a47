// A monomorphic property load meets an object of another shape: it deopts (or was compiled
// polymorphic) and reads the right slot.
// requires-tier: baseline mid llvm gccjit
// flags: --tiers=interp,{tier}@1000000 --no-concurrent --allow-natives-syntax
function getx(o) { return o.x; }
function Point(x, y) { this.x = x; this.y = y; }
let sum = 0;
for (let i = 0; i < 300; i++) sum += getx(new Point(i, 1));
%OptimizeFunctionOnNextCall(getx);
print(sum, getx(new Point(7, 8)));
print(getx({ y: 0, x: 2 }), getx({ x: "s" }), getx({}), getx([1]));
const p = new Point(1, 2);
delete p.y;
print(getx(p));
Object.defineProperty(p, "x", { get() { return "getter"; } });
print(getx(p));
for (let i = 0; i < 300; i++) sum += getx(i % 2 ? new Point(i, 0) : { x: i });
print(sum);
// expect: 44850 7
// expect: 2 s undefined undefined
// expect: 1
// expect: getter
// expect: 89700
