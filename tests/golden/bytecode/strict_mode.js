"use strict";
// the script is strict: every function is; directives after the first are kept
function f() { 'also a directive'; return this; }
var g = function () { "use strict"; };
class K { m() {} }
