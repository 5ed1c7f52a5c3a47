// require('./relative.js'): CommonJS exports, module.exports replacement, caching, nested
// relative requires, and module-private scope.
var counter = require('./modules/counter.js');
var again = require('./modules/counter.js');
print(counter === again, counter.increment(), again.increment(), counter.get(), globalThis.__moduleLoads);
// expect: true 1 2 2 1
var greet = require('./modules/replace_exports.js');
print(typeof greet, greet('world'), greet.version);  // expect: function hello world 1.0
var shapes = require('./modules/class_export.js');
var tri = new shapes.Shape(3);
print(tri.describe(), new shapes.Shape(1).describe(), shapes.fromUtil);
// expect: 3 sides 1 side nested util
print(require('./modules/nested/util.js') === require('./modules/nested/../nested/util.js'));
// expect: true
var sc = require('./modules/scope_check.js');
print(sc.types, sc.getPrivate(), typeof privateVar);
// expect: object object function true private undefined
