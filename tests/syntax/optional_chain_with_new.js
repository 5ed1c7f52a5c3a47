// expect: SyntaxError: Invalid optional chain from new expression @2:16
var o = new Foo?.bar();
