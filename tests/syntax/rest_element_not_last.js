// expect: SyntaxError: Rest element must be last element @2:2
[...rest, last] = list;
