// console.log formats primitives like node: strings as they are at top level, -0 as -0.
console.log('plain string', 42, -0, 0, 1.5, -1e-7, 1e21, NaN, Infinity, -Infinity);
// expect: plain string 42 -0 0 1.5 -1e-7 1e+21 NaN Infinity -Infinity
console.log(true, false, null, undefined);  // expect: true false null undefined
console.log();  // expect:
console.log('');  // expect:
console.log('a', '', 'b');  // expect: a  b
console.log('line1\nline2');
// expect: line1
// expect: line2
console.log(0.1 + 0.2, 2 ** 53, -2147483648, 123456789012345680000);
// expect: 0.30000000000000004 9007199254740992 -2147483648 123456789012345680000
console.log(Symbol.iterator);  // expect: Symbol(Symbol.iterator)
console.log('quotes \' " ` stay raw at top level');  // expect: quotes ' " ` stay raw at top level
console.log(String(-0), `${-0}`, -0 + '', [-0] + '');  // expect: 0 0 0 0
