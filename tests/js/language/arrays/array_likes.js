// Array-like objects (length + indices) work with the generic Array.prototype methods.
var al = { length: 3, 0: 'a', 1: 'b', 2: 'c' };
print(Array.prototype.join.call(al, '+'), Array.prototype.map.call(al, function (x) { return x.toUpperCase(); }).join());
// expect: a+b+c A,B,C
print(Array.from(al).join(), Array.prototype.slice.call(al, 1).join(), Array.isArray(Array.from(al)));
// expect: a,b,c b,c true
print(Array.prototype.indexOf.call(al, 'b'), Array.prototype.includes.call(al, 'c'));
// expect: 1 true
// push on an array-like updates its length property.
var obj = { length: 0 };
Array.prototype.push.call(obj, 'x', 'y');
print(obj.length, obj[0], obj[1], JSON.stringify(obj));
// expect: 2 x y {"0":"x","1":"y","length":2}
Array.prototype.pop.call(obj);
print(obj.length, obj[1]);  // expect: 1 undefined
// length is converted with ToLength.
print(Array.prototype.join.call({ length: '2', 0: 1, 1: 2, 2: 3 }), Array.prototype.join.call({ length: -5, 0: 1 }) === '');
// expect: 1,2 true
print(Array.prototype.join.call({ length: 2.9, 0: 'a', 1: 'b', 2: 'c' }));  // expect: a,b
// Strings are array-likes too.
print(Array.prototype.map.call('hey', function (c) { return c + c; }).join(''), Array.from('hey').reverse().join(''));
// expect: hheeyy yeh
print(Array.prototype.every.call('aaa', function (c) { return c === 'a'; }));  // expect: true
// arguments is an array-like.
function f() { return Array.prototype.reduce.call(arguments, function (a, b) { return a + b; }); }
print(f(1, 2, 3));  // expect: 6
// Missing indices read as undefined.
var sparse = { length: 4, 1: 'one', 3: 'three' };
print(JSON.stringify(Array.from(sparse)), Array.prototype.filter.call(sparse, function () { return true; }).length);
// expect: [null,"one",null,"three"] 2
// Array.from with a map function and with an iterable.
print(Array.from({ length: 5 }, function (_, i) { return i * i; }).join(), Array.from(new Set([1, 2, 2, 3])).join());
// expect: 0,1,4,9,16 1,2,3
// sort and reverse on array-likes.
var toSort = { length: 3, 0: 'c', 1: 'a', 2: 'b' };
Array.prototype.sort.call(toSort);
print(toSort[0], toSort[1], toSort[2]);  // expect: a b c
Array.prototype.reverse.call(toSort);
print(toSort[0], toSort[1], toSort[2]);  // expect: c b a
