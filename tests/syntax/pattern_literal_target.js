// expect: SyntaxError: Invalid destructuring assignment target @2:7
({ a: 1 } = o);
