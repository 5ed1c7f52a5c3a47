// "use strict" in a function body; strings that are not directives
function strictOne() {
  'use strict';
  return 1;
}
function sloppy() {
  ('use strict');
  'use strict' + 1;
  return 2;
}
function late() { var x; 'use strict'; }
var arrow = () => { 'use strict'; };
