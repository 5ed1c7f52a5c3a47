// ** is right-associative and binds tighter than unary only on its right
r = 2 ** 3 ** 2;
r = (-2) ** 2;
r = 2 ** -1;
r = a * b ** c;
x **= 2;
