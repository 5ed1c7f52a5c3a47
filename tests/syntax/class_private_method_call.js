// expect: SyntaxError: Private class members (#secret) are not supported @3:21
class A {
  m() { return this.#secret; }
}
