// console.log of functions, classes, class instances, boxed primitives, Map/Set, getters and
// circular references (node's util.inspect defaults).
function named() {}
console.log(named, function () {}, () => {}, class Foo {}, Math.max);
// expect: [Function: named] [Function (anonymous)] [Function (anonymous)] [class Foo] [Function: max]
console.log([named], { f: named });  // expect: [ [Function: named] ] { f: [Function: named] }
class Point { constructor(x, y) { this.x = x; this.y = y; } }
console.log(new Point(1, 2));  // expect: Point { x: 1, y: 2 }
console.log([new Point(3, 4)]);  // expect: [ Point { x: 3, y: 4 } ]
console.log(new Number(5), new String('str'), new Boolean(false));
// expect: [Number: 5] [String: 'str'] [Boolean: false]
console.log(new Map([['a', 1], [2, 'b']]), new Set([1, 'x']));
// expect: Map(2) { 'a' => 1, 2 => 'b' } Set(2) { 1, 'x' }
console.log(new Map(), new Set());  // expect: Map(0) {} Set(0) {}
console.log({ get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} });
// expect: { g: [Getter], s: [Setter], gs: [Getter/Setter] }
var circ = { name: 'c' };
circ.self = circ;
console.log(circ);  // expect: <ref *1> { name: 'c', self: [Circular *1] }
var nullProto = Object.create(null);
nullProto.k = 1;
console.log(nullProto);  // expect: [Object: null prototype] { k: 1 }
