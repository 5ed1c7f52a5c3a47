// expect: SyntaxError: missing ) after argument list @2:21
console.log('a', 'b';
