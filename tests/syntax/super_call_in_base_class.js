// expect: SyntaxError: 'super' keyword unexpected here @3:19
class A {
  constructor() { super(); }
}
