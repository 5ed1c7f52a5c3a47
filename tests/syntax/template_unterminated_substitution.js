// expect: SyntaxError: Missing } in template expression @2:21
var t = `abc ${x + y;
