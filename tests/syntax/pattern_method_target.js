// expect: SyntaxError: Invalid destructuring assignment target @2:4
({ m() {} } = o);
