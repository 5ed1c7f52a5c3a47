// comma expressions, conditionals, grouping and void/typeof in expressions
var r = (a, b, c);
r = a ? (b, c) : d;
for (i = 0, j = 1; i < j; i++, j--) {}
r = typeof a === 'function' ? a() : void 0;
r = x => (x, x + 1);
