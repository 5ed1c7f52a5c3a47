// A module with private state: required twice, it is evaluated once (module caching).
var count = 0;
exports.loadedAt = (globalThis.__moduleLoads = (globalThis.__moduleLoads || 0) + 1);
exports.increment = function () { return ++count; };
exports.get = function () { return count; };
