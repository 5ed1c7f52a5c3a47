// calls, new with and without arguments, member chains, spread arguments
f();
f(1, 2)(3);
o.m(a).n[b](c);
new Date;
new Date();
new Map([[1, 2]]);
new ns.Thing(1).run();
new new Factory()();
f(...args, last);
function C() { if (!new.target) return new C(); }
