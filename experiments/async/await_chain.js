// experiments/async/await_chain.js: the cost of a promise-resolution chain of N awaits
// (issue 4's measurement). Each await of an already-resolved promise takes the microtask
// ticks the specification gives it, so this times the microtask queue, promise reactions and
// the suspension and resumption of an async frame.
//
//   strata experiments/async/await_chain.js [N]      node experiments/async/await_chain.js [N]
// Prints the checksum and the time in milliseconds (performance.now around the chain).
const N = process.argv.length > 2 ? Number(process.argv[2]) : 1000000;

async function step(i) { return i & 7; }

async function chain(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await step(i);
  return sum;
}

const t0 = performance.now();
chain(N).then((sum) => {
  const ms = performance.now() - t0;
  const want = Math.floor(N / 8) * 28 + [0, 0, 1, 3, 6, 10, 15, 21][N % 8];
  if (sum !== want) { console.log(`await_chain: FAIL sum=${sum} want=${want}`); process.exit(1); }
  console.log(`await_chain n=${N} sum=${sum} ms=${ms.toFixed(1)}`);
});
