// & | ^ ~ convert with ToInt32 (modulo 2^32, NaN and Infinity to 0).
print(5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1, ~0);  // expect: 1 7 6 -6 0 -1
print(-1 & 0xff, -8 | 3, -1 ^ 1, ~~3.7, ~~-3.7);  // expect: 255 -5 -2 3 -3
print(0xffffffff | 0, 0x100000000 | 0, 0x80000000 | 0, 4294967296.5 | 0);
// expect: -1 0 -2147483648 0
print(NaN | 0, Infinity | 0, -Infinity | 0, 1e21 | 0, -1e21 | 0);
// expect: 0 0 0 -559939584 559939584
print(2 ** 32 + 5 | 0, 2 ** 53 | 0, (2 ** 53 + 2) | 0, -(2 ** 31) - 1 | 0);
// expect: 5 0 2 2147483647
print('12' | 0, '0x10' & 0xff, 'abc' | 0, null | 1, undefined | 1, true | 2, [7] | 0);
// expect: 12 16 0 1 1 3 7
print(1.9 | 0, -1.9 | 0, 0.5 ^ 0, -0.5 | 0);  // expect: 1 -1 0 0
print(0x12345678 & 0xff00ff00, 0x0f0f0f0f | 0xf0f0f0f0, 0xaaaaaaaa ^ 0x55555555);
// expect: 302011904 -1 -1
var x = 6;
x &= 3; print(x);  // expect: 2
x |= 8; print(x);  // expect: 10
x ^= 15; print(x);  // expect: 5
print(~'5', ~[], ~{}, ~null);  // expect: -6 -1 -1 -1
print(typeof (1 & 1), (3.99 & 3.99));  // expect: number 3
