// && || ?? and logical assignment
r = a && b || c && d;
r = a || b && c;
r = a ?? b ?? c;
r = (a || b) ?? c;
r = a ?? (b && c);
a &&= b;
a ||= c;
a ??= d;
o.p ??= {};
