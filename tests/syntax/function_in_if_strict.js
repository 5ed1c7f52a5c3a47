// expect: SyntaxError: In strict mode code, functions can only be declared at top level or inside a block. @3:9
'use strict';
if (ok) function f() {}
