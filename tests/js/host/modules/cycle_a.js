// Two modules that require each other: b sees a's partially filled exports.
exports.fromA = 'a (before requiring b)';
var b = require('./cycle_b.js');
exports.sawFromB = b.fromB;
exports.bSawA = b.sawA;
exports.done = true;
