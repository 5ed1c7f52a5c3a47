// async functions stay in the interpreter with a named, logged reason; everything around them
// is compiled, and the order of continuations is the interpreter's.
// requires-tier: baseline mid llvm gccjit
// flags: --tiers={tier} --eager --no-concurrent --trace-tier
async function work(x) { const a = await x; const b = await Promise.resolve(a + 1); return a * b; }
function sync(x) { return x + 1; }
const out = [];
work(3).then((v) => out.push("work " + v));
Promise.resolve().then(() => out.push("micro"));
out.push("sync " + sync(1));
setTimeout(() => print(out.join(", ")), 0);
// expect: sync 2, micro, work 12
// expect-stderr: async functions stay in the interpreter
