// binary operator precedence and associativity
r = a + b * c - d / e % f;
r = a << b + c >> d >>> e;
r = a < b == c > d != e <= f === g >= h !== i;
r = a & b | c ^ d;
r = a in b instanceof c;
r = a - b - c;
r = a ? b : c ? d : e;
r = (a + b) * c;
