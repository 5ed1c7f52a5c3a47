// expect: SyntaxError: A class may only have one constructor @4:3
class A {
  constructor() {}
  constructor(x) {}
}
