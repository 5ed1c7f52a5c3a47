// console.log of plain objects: key quoting, string values in single quotes, nesting, depth.
console.log({});  // expect: {}
console.log({ a: 1, b: 'two', c: true, d: null, e: undefined });
// expect: { a: 1, b: 'two', c: true, d: null, e: undefined }
console.log({ nested: { inner: { value: 42 } } });  // expect: { nested: { inner: { value: 42 } } }
console.log({ list: [1, 2, 3], obj: { x: 1 } });  // expect: { list: [ 1, 2, 3 ], obj: { x: 1 } }
console.log({ 'key-with-dash': 1, 'key with space': 2, valid_id: 3, $dollar: 4, _under: 5 });
// expect: {
// expect:   'key-with-dash': 1,
// expect:   'key with space': 2,
// expect:   valid_id: 3,
// expect:   '$dollar': 4,
// expect:   _under: 5
// expect: }
console.log({ 1: 'one', 2: 'two', b: 'b', a: 'a' });
// expect: { '1': 'one', '2': 'two', b: 'b', a: 'a' }
console.log({ s: 'it\'s', t: 'new\nline', u: '' });  // expect: { s: "it's", t: 'new\nline', u: '' }
console.log({ neg: -0, nan: NaN, inf: -Infinity, big: 1e21 });
// expect: { neg: -0, nan: NaN, inf: -Infinity, big: 1e+21 }
console.log({ a: { b: { c: { d: { e: 1 } } } } });  // expect: { a: { b: { c: [Object] } } }
console.log([{ a: [{ b: [1] }] }]);  // expect: [ { a: [ [Object] ] } ]
console.log({ arr: [[1, [2, [3]]]] });  // expect: { arr: [ [ 1, [Array] ] ] }
console.log({ [Symbol.iterator]: 'sym' });  // expect: { [Symbol(Symbol.iterator)]: 'sym' }
console.log({ emptyArr: [], emptyObj: {} });  // expect: { emptyArr: [], emptyObj: {} }
console.log('label:', { x: 1 }, [2], 'end');  // expect: label: { x: 1 } [ 2 ] end
