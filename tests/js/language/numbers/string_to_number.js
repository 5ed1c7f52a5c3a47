// Number(string) (StringToNumber): whitespace trimmed, decimal/hex/octal/binary, no junk.
var inputs = ['', ' ', '0', '-0', '+5', '  42  ', '3.14', '.5', '5.', '1e3', '1E-2', '-1.5e+2',
  '0x1A', '0X1a', '0o17', '0b101', '-0x10', '0x', '0b', '1_000', '12px', 'px12', '1 2',
  'Infinity', '-Infinity', '+Infinity', 'infinity', 'NaN', '1e1000', '-1e1000', '1e-1000',
  '00012', '012', '0.0000001', '123456789012345678901234567890', '\t\n\r\v\f 9 \n',
  '0x7fffffff', '0xffffffffffffffffffff', '1.7976931348623158e308', '..5', '5..', '+-5', 'e5', '5e'];
for (var i = 0; i < inputs.length; i++) {
  print(JSON.stringify(inputs[i]), Number(inputs[i]));
  // expect: "" 0
  // expect: " " 0
  // expect: "0" 0
  // expect: "-0" 0
  // expect: "+5" 5
  // expect: "  42  " 42
  // expect: "3.14" 3.14
  // expect: ".5" 0.5
  // expect: "5." 5
  // expect: "1e3" 1000
  // expect: "1E-2" 0.01
  // expect: "-1.5e+2" -150
  // expect: "0x1A" 26
  // expect: "0X1a" 26
  // expect: "0o17" 15
  // expect: "0b101" 5
  // expect: "-0x10" NaN
  // expect: "0x" NaN
  // expect: "0b" NaN
  // expect: "1_000" NaN
  // expect: "12px" NaN
  // expect: "px12" NaN
  // expect: "1 2" NaN
  // expect: "Infinity" Infinity
  // expect: "-Infinity" -Infinity
  // expect: "+Infinity" Infinity
  // expect: "infinity" NaN
  // expect: "NaN" NaN
  // expect: "1e1000" Infinity
  // expect: "-1e1000" -Infinity
  // expect: "1e-1000" 0
  // expect: "00012" 12
  // expect: "012" 12
  // expect: "0.0000001" 1e-7
  // expect: "123456789012345678901234567890" 1.2345678901234568e+29
  // expect: "\t\n\r\u000b\f 9 \n" 9
  // expect: "0x7fffffff" 2147483647
  // expect: "0xffffffffffffffffffff" 1.2089258196146292e+24
  // expect: "1.7976931348623158e308" 1.7976931348623157e+308
  // expect: "..5" NaN
  // expect: "5.." NaN
  // expect: "+-5" NaN
  // expect: "e5" NaN
  // expect: "5e" NaN
}
print(Number(null), Number(undefined), Number(true), Number(false), Number([]), Number([' 8 ']));
// expect: 0 NaN 1 0 0 8
print(Number({}), Number([1, 2]), Number(new String('9')), Number(function () {}));
// expect: NaN NaN 9 NaN
print(Number(), typeof Number('5'), typeof new Number('5'));  // expect: 0 number object
