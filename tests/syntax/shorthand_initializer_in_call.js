// expect: SyntaxError: Invalid shorthand property initializer @2:7
f({ x = 1, y });
