// expect: SyntaxError: Invalid left-hand side in assignment @4:1
// An error before non-ASCII text later on its line: the lexer stops there (fuzz_parser found an
// assertion on the end-of-input column after such an error; 2026-11-23).
va& xÌ§ = 'Ã©' + 'ğŸ%˜€' + xÌ§;
