// extends with any left-hand-side expression, super calls and super properties
class Animal {
  constructor(name) { this.name = name; }
  speak() { return this.name; }
}
class Dog extends Animal {
  constructor(name) {
    super(name);
    this.sound = 'woof';
  }
  speak() { return super.speak() + ': ' + this.sound; }
  static create() { return new this('rex'); }
}
class Mixed extends mixin(Animal, Dog) {}
class Member extends ns.Base {
  constructor() { const f = () => super(); f(); }
  get x() { return super['x']; }
}
