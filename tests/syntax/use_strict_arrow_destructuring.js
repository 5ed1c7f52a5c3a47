// expect: SyntaxError: Illegal 'use strict' directive in function with non-simple parameter list @3:3
var f = ({a}) => {
  'use strict';
};
