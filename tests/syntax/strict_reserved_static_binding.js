// expect: SyntaxError: Unexpected strict mode reserved word @3:7
'use strict';
var { static } = o;
