// numeric literals: every base, separators, exponents, legacy forms
var n = [0, 7, 1.5, .5, 5., 1e3, 1E-3, 2.5e+2,
  0x1F, 0XfF, 0o17, 0O7, 0b101, 0B1,
  010, 08, 09.5,
  1_000_000, 0xFF_FF, 1_0.0_1, 1e1_0,
  9007199254740993, 1.7976931348623157e308, 5e-324, 1e400, 0.1 + 0.2];
