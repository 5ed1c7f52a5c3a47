// parseInt and parseFloat: leading whitespace, signs, prefixes, radix, stopping at junk.
print(parseInt('42'), parseInt('  42px'), parseInt('-42'), parseInt('+7'), parseInt('4.9'), parseInt('1e3'), parseInt(''), parseInt('px'));
// expect: 42 42 -42 7 4 1 NaN NaN
print(parseInt('0x1F'), parseInt('0X1f'), parseInt('-0x10'), parseInt('0x'), parseInt('0b11'), parseInt('0o17'), parseInt('010'), parseInt('08'));
// expect: 31 31 -16 NaN 0 0 10 8
print(parseInt('11', 2), parseInt('z', 36), parseInt('Z', 36), parseInt('10', 37), parseInt('10', 1), parseInt('10', 0), parseInt('0x10', 16), parseInt('0x10', 10));
// expect: 3 35 35 NaN NaN 10 16 0
print(parseInt('123', 4), parseInt('9', 8), parseInt('ff', 16), parseInt('FF', 15), parseInt('10', 36), parseInt('-ff', 16));
// expect: 27 NaN 255 NaN 36 -255
print(parseInt(null), parseInt(null, 36), parseInt(undefined), parseInt(0.0000005), parseInt(1e21), parseInt(-0), 1 / parseInt('-0'));
// expect: NaN 1112745 NaN 5 1 0 -Infinity
print(parseInt('9007199254740993'), parseInt('123456789012345678901234567890'), parseInt('\u00a0\ufeff 12'), parseInt('1_000'));
// expect: 9007199254740992 1.2345678901234568e+29 12 1
print(parseInt('  -  5'), parseInt('--5'), parseInt('5', '16'), parseInt('11', 2.9), parseInt('11', -1), parseInt('Infinity'));
// expect: NaN NaN 5 3 NaN NaN
print(parseFloat('3.14'), parseFloat('  3.14abc'), parseFloat('-.5'), parseFloat('.5e1'), parseFloat('1e'), parseFloat('1e+'), parseFloat('e1'));
// expect: 3.14 3.14 -0.5 5 1 1 NaN
print(parseFloat('Infinity'), parseFloat('-Infinityx'), parseFloat('infinity'), parseFloat('0x10'), parseFloat('1.2.3'), parseFloat(''), parseFloat('-0'));
// expect: Infinity -Infinity NaN 0 1.2 NaN 0
print(parseFloat('1e1000'), parseFloat('5e-324'), parseFloat('2e-324'), parseFloat([' 7.5 ']), parseFloat({ toString() { return '8.25'; } }));
// expect: Infinity 5e-324 0 7.5 8.25
print(parseFloat('0.1') + parseFloat('0.2'), parseFloat('123456789012345678901234567890'), parseFloat('.'), parseFloat('+.1'));
// expect: 0.30000000000000004 1.2345678901234568e+29 NaN 0.1
print(parseInt.length, parseFloat.length, parseInt.name, parseFloat.name);
// expect: 2 1 parseInt parseFloat
