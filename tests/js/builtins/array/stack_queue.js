// push, pop, shift, unshift: return values, length, holes, generic receivers.
var a = [];
print(a.push(1), a.push(2, 3), a.push(), String(a));  // expect: 1 3 3 1,2,3
print(a.pop(), a.length, a.shift(), a.length, String(a));  // expect: 3 2 1 1 2
print(a.unshift(0), a.unshift(-2, -1), String(a), a.unshift());  // expect: 2 4 -2,-1,0,2 4
print([].pop(), [].shift(), [].length);  // expect: undefined undefined 0
// Queue behaviour over many operations.
var q = [];
for (var i = 0; i < 1000; i++) q.push(i);
var sum = 0;
while (q.length > 10) sum += q.shift();
print(sum, q.length, q[0]);  // expect: 489555 10 990
// Stack behaviour.
var s = [];
for (var j = 0; j < 100; j++) s.push(j * j);
var top3 = [s.pop(), s.pop(), s.pop()];
print(top3.join(), s.length);  // expect: 9801,9604,9409 97
// shift/unshift preserve holes as holes.
var h = [1, , 3];
h.unshift(0);
print(h.length, 2 in h, String(h));  // expect: 4 false 0,1,,3
h.shift();
print(h.length, 1 in h, String(h));  // expect: 3 false 1,,3
// Generic: works on array-likes.
var al = { length: 2, 0: 'a', 1: 'b' };
print(Array.prototype.push.call(al, 'c'), al[2], Array.prototype.shift.call(al), al.length, al[0], al[1], 2 in al);
// expect: 3 c a 2 b c false
print(Array.prototype.pop.call({ length: 0 }), Array.prototype.pop.call({}) === undefined);
// expect: undefined true
var nolen = {};
Array.prototype.push.call(nolen, 'x');
print(nolen.length, nolen[0]);  // expect: 1 x
// push returns the new length even for large pushes.
var big = [];
print(big.push.apply(big, new Array(5000).fill(1)), big.length);  // expect: 5000 5000
print(Array.prototype.push.length, Array.prototype.unshift.length, Array.prototype.pop.length);
// expect: 1 1 0
