// expect: SyntaxError: Rest parameter may not have a default initializer @2:20
function f(...rest = []) {}
