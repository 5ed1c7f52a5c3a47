// constructor, methods, static methods, getters and setters, computed keys
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  get length() { return Math.sqrt(this.x * this.x + this.y * this.y); }
  set length(v) { this.scale(v / this.length); }
  scale(f) { this.x *= f; this.y *= f; return this; }
  static origin() { return new Point(0, 0); }
  ['to' + 'String']() { return `(${this.x}, ${this.y})`; }
  'quoted name'() {}
  42() {}
}
