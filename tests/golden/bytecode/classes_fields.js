// instance and static fields, initializers are their own functions
class Counter {
  count = 0;
  step = this.count + 1;
  label;
  static instances = 0;
  static zero = new Counter();
  ['computed' + 1] = 'c';
  increment() { this.count += this.step; Counter.instances++; }
}
var Anonymous = class { x = 1; static y = 2; };
