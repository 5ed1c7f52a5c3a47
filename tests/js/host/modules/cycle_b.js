var a = require('./cycle_a.js');
exports.fromB = 'b';
exports.sawA = a.fromA + ' / done=' + a.done;
