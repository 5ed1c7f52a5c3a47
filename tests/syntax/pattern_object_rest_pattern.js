// expect: SyntaxError: `...` must be followed by an assignable reference in assignment contexts @2:7
({ ...{a} } = o);
