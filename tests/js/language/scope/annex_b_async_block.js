// Annex B makes a sloppy block-level function declaration also a var of the enclosing
// function, but not an async one, and not one that would clash with a lexical binding.
{
  async function asyncInBlock() {}
}
print(typeof asyncInBlock);
// expect: undefined
switch (0) {
  default:
    async function asyncInSwitch() {}
}
print(typeof asyncInSwitch);
// expect: undefined
{
  function plainInBlock() {}
}
print(typeof plainInBlock);
// expect: function
function clash() {
  let g = 1;
  {
    function g() {}
  }
  return typeof g;
}
print(clash());
// expect: number
