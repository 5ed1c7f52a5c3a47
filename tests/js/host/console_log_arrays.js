// console.log of arrays: strings in single quotes, nested arrays, empty items, -0, extra keys.
console.log([]);  // expect: []
console.log([1, 2, 3]);  // expect: [ 1, 2, 3 ]
console.log(['a', 'b']);  // expect: [ 'a', 'b' ]
console.log([1, 'two', true, null, undefined, -0, NaN]);
// expect: [ 1, 'two', true, null, undefined, -0, NaN ]
console.log([[1, 2], [3, [4, 5]]]);  // expect: [ [ 1, 2 ], [ 3, [ 4, 5 ] ] ]
console.log([1, , 3]);  // expect: [ 1, <1 empty item>, 3 ]
console.log([, , ,]);  // expect: [ <3 empty items> ]
console.log([1, , , , 5]);  // expect: [ 1, <3 empty items>, 5 ]
console.log(new Array(3));  // expect: [ <3 empty items> ]
console.log([[]], [{}], [[], []]);  // expect: [ [] ] [ {} ] [ [], [] ]
console.log(['it\'s'], ['say "hi"'], ['tab\there'], ['new\nline']);
// expect: [ "it's" ] [ 'say "hi"' ] [ 'tab\there' ] [ 'new\nline' ]
var withProp = [1, 2];
withProp.extra = 'x';
console.log(withProp);  // expect: [ 1, 2, extra: 'x' ]
console.log([0.1, 1e21, -1e-7, 2 ** 31]);  // expect: [ 0.1, 1e+21, -1e-7, 2147483648 ]
console.log(['', ' ']);  // expect: [ '', ' ' ]
console.log([1, 2, 3].map(function (x) { return x * 2; }), [1, 2, 3].length);
// expect: [ 2, 4, 6 ] 3
