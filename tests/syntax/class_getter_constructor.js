// expect: SyntaxError: Class constructor may not be an accessor @3:7
class A {
  get constructor() {}
}
