// expect: SyntaxError: Unexpected eval or arguments in strict mode @3:1
'use strict';
eval = function () {};
