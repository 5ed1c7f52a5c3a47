// expect: SyntaxError: 'with' statements are not supported @3:1
// node-accepts: with is valid in sloppy mode; Strata does not support it
with (Math) {
  x = cos(0);
}
