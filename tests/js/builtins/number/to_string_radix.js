// Number.prototype.toString(radix) for integers, fractions, negatives and extremes.
print((255).toString(16), (255).toString(2), (255).toString(8), (255).toString(36), (-255).toString(16), (0).toString(2));
// expect: ff 11111111 377 73 -ff 0
print((35).toString(36), (36).toString(36), (1295).toString(36), (2 ** 53).toString(36), (2 ** 31).toString(32));
// expect: z 10 zz 2gosa7pa2gw 2000000
print((0.5).toString(2), (0.1).toString(2), (0.75).toString(16), (-1.5).toString(4), (3.25).toString(8));
// expect: 0.1 0.0001100110011001100110011001100110011001100110011001101 0.c -1.2 3.2
print((1e21).toString(10), (1e21).toString(16), (NaN).toString(2), (Infinity).toString(16), (-Infinity).toString(36));
// expect: 1e+21 3635c9adc5dea00000 NaN Infinity -Infinity
print((123.456).toString(), (123.456).toString(10), (5e-324).toString(2).length > 1000, (-0).toString(2));
// expect: 123.456 123.456 true 0
try { (1).toString(1); } catch (e) { print(e.name); }  // expect: RangeError
try { (1).toString(37); } catch (e) { print(e.name); }  // expect: RangeError
print((10).toString(undefined), (10).toString(16.9), (10).toString('2'));  // expect: 10 a 1010
for (var r = 2; r <= 36; r += 7) print(r, (123456789).toString(r), parseInt((123456789).toString(r), r));
// expect: 2 111010110111100110100010101 123456789
// expect: 9 277266780 123456789
// expect: 16 75bcd15 123456789
// expect: 23 j43jfb 123456789
// expect: 30 52ce69 123456789
try { Number.prototype.toString.call('1'); } catch (e) { print(e.name); }  // expect: TypeError
print(Number.prototype.toString.call(new Number(42), 16), Number.prototype.toString.length);
// expect: 2a 1
