// splice (remove, insert, replace; negative and out-of-range arguments) and slice.
var a = [0, 1, 2, 3, 4, 5];
print(a.splice(1, 2).join(), a.join());  // expect: 1,2 0,3,4,5
print(a.splice(-2).join(), a.join());  // expect: 4,5 0,3
print(a.splice(1, 0, 'x', 'y').length, a.join());  // expect: 0 0,x,y,3
print(a.splice(0, 1, 'first').join(), a.join());  // expect: 0 first,x,y,3
print(a.splice(10, 5, 'end').length, a.join());  // expect: 0 first,x,y,3,end
print(a.splice(-100, 1).join(), a.join());  // expect: first x,y,3,end
print(a.splice().length, a.splice(undefined).join(), a.length);  // expect: 0 x,y,3,end 0
var b = [1, 2, 3];
print(b.splice(1, -5).length, b.splice(1, Infinity).join(), b.join());  // expect: 0 2,3 1
var c = [1, 2, 3, 4];
print(c.splice(1, 2, 'a', 'b', 'c', 'd').join(), c.join(), c.length);  // expect: 2,3 1,a,b,c,d,4 6
var d = [1, 2, 3];
print(d.splice('1', '1').join(), d.join(), d.splice(NaN, 1).join(), d.join());  // expect: 2 1,3 1 3
// slice never modifies.
var s = [1, 2, 3, 4, 5];
print(s.slice(1, 3).join(), s.slice(-2).join(), s.slice(2, -1).join(), s.slice(4, 2).length, s.slice(-10, 1).join(), s.slice().join(), s.join());
// expect: 2,3 4,5 3,4 0 1 1,2,3,4,5 1,2,3,4,5
print(s.slice(1.7, 3.9).join(), s.slice('2').join(), s.slice(undefined, undefined).length);
// expect: 2,3 3,4,5 5
// splice on holes keeps them.
var h = [1, , 3, , 5];
var removed = h.splice(1, 2);
print(removed.length, 0 in removed, String(removed), String(h));  // expect: 2 false ,3 1,,5
// Large splice in the middle.
var big = [];
for (var i = 0; i < 1000; i++) big.push(i);
big.splice(100, 800);
print(big.length, big[99], big[100], big[199]);  // expect: 200 99 900 999
big.splice(50, 0, ...new Array(10).fill('new'));
print(big.length, big[50], big[60]);  // expect: 210 new 50
