// expect: SyntaxError: import declarations are not supported @3:1
// node-accepts: node detects ES module syntax and checks the file as a module
import fs from 'fs';
