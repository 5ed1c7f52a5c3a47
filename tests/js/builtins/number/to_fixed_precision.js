// toFixed and toPrecision: exact decimal rounding of the binary value, exponent forms.
print((1.005).toFixed(2), (1.45).toFixed(1), (2.5).toFixed(0), (3.5).toFixed(0), (-2.5).toFixed(0), (0.5).toFixed(0), (1.5).toFixed(0));
// expect: 1.00 1.4 3 4 -3 1 2
print((123.456).toFixed(), (123.456).toFixed(1), (123.456).toFixed(5), (0).toFixed(2), (0.000001).toFixed(7), (1e-10).toFixed(3));
// expect: 123 123.5 123.45600 0.00 0.0000010 0.000
print((1e21).toFixed(2), (1e20).toFixed(2), (-1.5e-7).toFixed(10), (0.1).toFixed(20), (NaN).toFixed(2), (-Infinity).toFixed(1));
// expect: 1e+21 100000000000000000000.00 -0.0000001500 0.10000000000000000555 NaN -Infinity
print((1.255).toFixed(2), (8.345).toFixed(2), (10.235).toFixed(2), (1234.5678).toFixed(2), (-0.0001).toFixed(2));
// expect: 1.25 8.35 10.23 1234.57 -0.00
print((2 ** 53).toFixed(0), (123).toFixed(100).length, (0.1).toFixed(100).slice(0, 25));
// expect: 9007199254740992 104 0.10000000000000000555111
try { (1).toFixed(101); } catch (e) { print(e.name); }  // expect: RangeError
try { (1).toFixed(-1); } catch (e) { print(e.name); }  // expect: RangeError
print((123.456).toPrecision(4), (123.456).toPrecision(2), (123.456).toPrecision(1), (0.000123).toPrecision(2), (123456).toPrecision(2));
// expect: 123.5 1.2e+2 1e+2 0.00012 1.2e+5
print((1.5).toPrecision(1), (2.5).toPrecision(1), (1e21).toPrecision(3), (1e-7).toPrecision(1), (123.456).toPrecision(), (0).toPrecision(3));
// expect: 2 3 1.00e+21 1e-7 123.456 0.00
print((99.99).toPrecision(3), (-1.005).toPrecision(3), (1).toPrecision(21), (123.456).toPrecision(10), (1e-6).toPrecision(2));
// expect: 100 -1.00 1.00000000000000000000 123.4560000 0.0000010
try { (1).toPrecision(0); } catch (e) { print(e.name); }  // expect: RangeError
try { (1).toPrecision(101); } catch (e) { print(e.name); }  // expect: RangeError
print((NaN).toPrecision(3), (Infinity).toPrecision(3), Number.prototype.toFixed.length, Number.prototype.toPrecision.length);
// expect: NaN Infinity 1 1
