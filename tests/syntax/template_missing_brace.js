// expect: SyntaxError: Missing } in template expression @2:15
var t = `a${b c}`;
