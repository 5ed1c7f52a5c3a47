// expect: SyntaxError: Decimals with leading zeros are not allowed in strict mode. @3:9
'use strict';
var x = 09;
