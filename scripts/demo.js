// The demo the main job runs until the experiments sweep exists: a little of everything the
// engine does, with its output checked by eye (and by tests/js for real).
class Vec {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Vec(this.x + o.x, this.y + o.y); }
  get length() { return Math.sqrt(this.x * this.x + this.y * this.y); }
}

function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

let v = new Vec(0, 0);
for (let i = 0; i < 1000; i++) v = v.add(new Vec(3, 4));
console.log("vector length:", v.length);
console.log("fib(25) =", fib(25));
const words = ["engine", "tiers", "deopt", "feedback"];
console.log(words.map(w => w.toUpperCase()).join(" "), { count: words.length });
Promise.resolve("microtask").then(m => console.log("then:", m));
setTimeout(() => console.log("timer: done"), 0);
console.log("script: end");
