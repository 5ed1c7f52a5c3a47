// unary operators, prefix and postfix update
r = -a + +b - ~c + !d;
r = typeof x === 'undefined';
r = void 0;
delete o.p;
delete o[k];
++i;
i--;
--o.count;
o[k]++;
r = - -a;
