// expect: SyntaxError: Delete of an unqualified identifier in strict mode. @4:1
'use strict';
var x;
delete x;
