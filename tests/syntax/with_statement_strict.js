// expect: SyntaxError: Strict mode code may not include a with statement @3:1
'use strict';
with (Math) {}
