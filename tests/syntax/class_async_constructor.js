// expect: SyntaxError: Class constructor may not be an async method @3:9
class A {
  async constructor() {}
}
