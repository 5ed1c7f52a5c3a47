// expect: SyntaxError: Invalid destructuring assignment target @2:3
[({ a })] = o;
