// The main script is a CommonJS module too: require, module and exports exist, and
// module.exports starts as the exports object.
print(typeof require, typeof module, typeof exports, module.exports === exports);
// expect: function object object true
exports.fromMain = 1;
print(module.exports.fromMain);  // expect: 1
