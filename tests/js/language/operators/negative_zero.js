// -0: produced by arithmetic, equal to 0, visible through 1/x, printed as "0" by String and
// print but as "-0" by console.log.
var nz = -0;
print(nz, String(nz), nz + '', `${nz}`, nz.toString(), [nz].join());  // expect: 0 0 0 0 0 0
print(nz === 0, 1 / nz, 1 / (0 * -1), 1 / (-1 * 0), 1 / Math.round(-0.4));
// expect: true -Infinity -Infinity -Infinity -Infinity
console.log(nz, [nz], { z: nz });  // expect: -0 [ -0 ] { z: -0 }
console.log(-0 + 0, 0 - 0, -0 - 0, 0 * -5);  // expect: 0 0 -0 -0
print(JSON.stringify(nz), JSON.stringify([nz]));  // expect: 0 [0]
print(1 / -nz, 1 / Math.abs(nz), 1 / Math.max(nz, 0), 1 / Math.min(nz, 0));
// expect: Infinity Infinity Infinity -Infinity
print(1 / parseFloat('-0'), 1 / Number('-0'), 1 / +'-0.0');
// expect: -Infinity -Infinity -Infinity
print(nz < 0, nz > 0, nz <= 0);  // expect: false false true
print((-0).toFixed(2), (-0).toFixed(0));  // expect: 0.00 0
print(1 / (-3 % 3), 1 / (3 % -3));  // expect: -Infinity Infinity
print(1 / Math.ceil(-0.5), 1 / Math.trunc(-0.9), 1 / Math.sign(-0));
// expect: -Infinity -Infinity -Infinity
print(1 / (nz | 0), 1 / ~~nz, 1 / (nz >>> 0));  // expect: Infinity Infinity Infinity
var m = new Map([[nz, 'zero']]);
print(m.get(0), 1 / [...m.keys()][0]);  // expect: zero Infinity
print([0].indexOf(nz), [nz].includes(0));  // expect: 0 true
