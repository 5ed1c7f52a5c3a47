// Module-level variables are private to the module; `module`, `exports` and `require` exist.
var privateVar = 'private';
exports.types = [typeof module, typeof exports, typeof require, module.exports === exports].join(' ');
exports.getPrivate = function () { return privateVar; };
