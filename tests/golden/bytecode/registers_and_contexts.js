// Locals stay in registers unless a closure captures them; captured ones live in contexts,
// loop bodies with captured let bindings get a fresh context per iteration.
function counter() {
  let n = 0;
  return { inc() { return ++n; }, get() { return n; } };
}
function loop() {
  var fns = [];
  for (let i = 0; i < 3; i++) fns.push(() => i);
  var sum = 0;
  for (var j = 0; j < 3; j++) sum += j;
  return fns.map(f => f()).concat(sum);
}
function params(a, b = a + 1, ...rest) { return [a, b, rest.length]; }
function withArgs() { return arguments.length; }
print(counter().inc(), loop(), params(1), withArgs(1, 2));
