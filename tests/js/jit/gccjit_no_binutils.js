// The program tests/suites/gccjit_no_binutils.cmake runs with a PATH that has no `as` or `ld`:
// hot enough for every tier to compile it, so the gccjit tier is asked to and must decline
// with one message while the program carries on. Under the normal configurations it is an
// ordinary program.
function f(x) {
  return x * 2 + 1;
}
let s = 0;
for (let i = 0; i < 100000; i++) s += f(i);
console.log(s);
// expect: 10000000000
