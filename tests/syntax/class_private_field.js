// expect: SyntaxError: Private class members (#count) are not supported @4:3
// node-accepts: private class members are valid JavaScript; Strata does not support them
class Counter {
  #count = 0;
}
