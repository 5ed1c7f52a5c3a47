// expect: SyntaxError: Classes may not have a static property named 'prototype' @3:10
class A {
  static prototype() {}
}
