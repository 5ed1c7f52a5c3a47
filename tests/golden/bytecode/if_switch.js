// if / else chains and switch with fall-through and default
if (a) b();
if (a) { b(); } else { c(); }
if (a) b(); else if (c) d(); else e();
switch (x) {
  case 1:
  case 2:
    one();
    break;
  case f():
    two();
  default:
    other();
}
