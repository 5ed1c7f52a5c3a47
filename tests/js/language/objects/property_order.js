// Own property order: integer keys ascending, then string keys in insertion order (symbols
// last, not listed by keys). for-in, Object.keys, JSON.stringify and entries all agree.
var o = {};
o.b = 1;
o[2] = 1;
o.a = 1;
o[1] = 1;
o['10'] = 1;
o['-1'] = 1;
o['01'] = 1;
o[4294967294] = 1;
o[4294967295] = 1;
o['1.5'] = 1;
o.z = 1;
o[Symbol.iterator] = 1;
print(Object.keys(o).join(' '));  // expect: 1 2 10 4294967294 b a -1 01 4294967295 1.5 z
var forIn = [];
for (var k in o) forIn.push(k);
print(forIn.join(' '));  // expect: 1 2 10 4294967294 b a -1 01 4294967295 1.5 z
print(Object.getOwnPropertyNames(o).join(' '));
// expect: 1 2 10 4294967294 b a -1 01 4294967295 1.5 z
print(JSON.stringify(o));
// expect: {"1":1,"2":1,"10":1,"4294967294":1,"b":1,"a":1,"-1":1,"01":1,"4294967295":1,"1.5":1,"z":1}
print(Object.entries({ y: 1, x: 2, 3: 'c', 1: 'a' }).map(function (e) { return e[0]; }).join());
// expect: 1,3,y,x
// Deleting and re-adding moves a key to the end.
var d = { first: 1, second: 2, third: 3 };
delete d.first;
d.first = 'back';
print(Object.keys(d).join());  // expect: second,third,first
// Assigning an existing key keeps its position.
d.second = 'updated';
print(Object.keys(d).join());  // expect: second,third,first
// Literal order, including numeric-looking string keys.
var lit = { c: 1, 100: 1, b: 1, 7: 1, a: 1, '3': 1 };
print(Object.keys(lit).join());  // expect: 3,7,100,c,b,a
// Arrays: indices first, then other properties.
var arr = ['x', 'y'];
arr.extra = true;
arr[5] = 'z';
print(Object.keys(arr).join());  // expect: 0,1,5,extra
// Object.assign and spread copy in the source's order.
var copy = Object.assign({}, { b: 1, 2: 1, a: 1 });
print(Object.keys(copy).join(), Object.keys({ ...{ z: 1, 0: 1 } }).join());  // expect: 2,b,a 0,z
// Many keys keep insertion order.
var many = {};
for (var i = 0; i < 50; i++) many['k' + ((i * 7) % 50)] = i;
var ks = Object.keys(many);
print(ks.length, ks.slice(0, 5).join(), ks.slice(-3).join());
// expect: 50 k0,k7,k14,k21,k28 k29,k36,k43
