// expect: SyntaxError: Classes may not have a field named 'constructor' @3:3
class A {
  constructor = 1;
}
