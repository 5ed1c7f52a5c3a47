// Built-ins that create arrays define elements (CreateDataProperty); Array.prototype.push sets them
// ([[Set]]: a setter on the prototype chain runs, and push's length still advances).
Object.defineProperty(Array.prototype, 0, { set: function(v) { print("setter " + v); }, configurable: true });
var a = [...[7]]; print(a[0], a.length);
var b = []; b.push(5, 6); print(b.length, b[1], Object.keys(b));
Promise.all([42]).then(function(v) { print("all", v[0]); });
// expect: 7 1
// expect: setter 5
// expect: 2 6 1
// expect: all 42
