// expect: SyntaxError: Illegal continue statement: 'block' does not denote an iteration statement @3:12
block: {
  continue block;
}
