// expect: SyntaxError: Unexpected identifier 'y' @3:9
class A {
  x = 1 y = 2
}
