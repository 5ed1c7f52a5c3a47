// expect: SyntaxError: Rest element must be last element @2:5
[a, ...rest,] = list;
