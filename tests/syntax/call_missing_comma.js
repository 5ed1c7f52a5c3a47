// expect: SyntaxError: missing ) after argument list @2:12
Math.max(1 2);
