// expect: SyntaxError: Unexpected eval or arguments in strict mode @3:15
'use strict';
try {} catch (eval) {}
