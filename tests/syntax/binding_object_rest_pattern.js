// expect: SyntaxError: `...` must be followed by an identifier in declaration contexts @2:10
let { ...[a] } = o;
