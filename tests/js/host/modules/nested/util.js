// Required from ../class_export.js with a path relative to that file.
exports.name = 'nested util';
exports.plural = function (n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); };
