// console.error writes to stderr with the same formatting; stdout has only console.log.
console.log('to stdout');
console.error('to stderr', { a: 1 }, [1, 'x']);
console.error('%s formatted on stderr', 'also');
console.log('stdout again');
// expect: to stdout
// expect: stdout again
// expect-stderr: to stderr { a: 1 } [ 1, 'x' ]
// expect-stderr: also formatted on stderr
