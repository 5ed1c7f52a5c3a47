// A module whose evaluation throws.
exports.partial = 'set before the throw';
throw new RangeError('module failed');
