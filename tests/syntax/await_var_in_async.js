// expect: SyntaxError: Unexpected reserved word @3:7
async function f() {
  var await = 1;
}
