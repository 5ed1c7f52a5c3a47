'use strict';
// classes.js: a class hierarchy used the way object-oriented programs use it: class fields,
// static members, getters, extends with super calls in constructors and methods, and a
// polymorphic call site over four receiver classes (a scene of shapes that move, bounce off
// the walls and report their areas). Optional chaining and ?? read optional attributes.
const { run, Random, mix } = require('./harness.js');

const SHAPES = 400;
const STEPS = 1500;
const WIDTH = 1000;
const HEIGHT = 800;

class Shape {
  static created = 0;
  x = 0;
  y = 0;
  vx = 0;
  vy = 0;
  style = null;

  constructor(x, y, vx, vy) {
    this.x = x;
    this.y = y;
    this.vx = vx;
    this.vy = vy;
    Shape.created++;
  }

  get extent() { return 0; }

  step() {
    const e = this.extent;
    this.x += this.vx;
    this.y += this.vy;
    let bounced = 0;
    if (this.x < e || this.x > WIDTH - e) {
      this.vx = -this.vx;
      this.x += 2 * this.vx;
      bounced = 1;
    }
    if (this.y < e || this.y > HEIGHT - e) {
      this.vy = -this.vy;
      this.y += 2 * this.vy;
      bounced = 1;
    }
    return bounced;
  }

  weight() {
    return this.area() * (this.style?.density ?? 1);
  }
}

class Circle extends Shape {
  r;
  constructor(x, y, vx, vy, r) {
    super(x, y, vx, vy);
    this.r = r;
  }
  get extent() { return this.r; }
  area() { return 3 * this.r * this.r; }
}

class Rect extends Shape {
  w;
  h;
  constructor(x, y, vx, vy, w, h) {
    super(x, y, vx, vy);
    this.w = w;
    this.h = h;
  }
  get extent() { return this.w > this.h ? this.w >> 1 : this.h >> 1; }
  area() { return this.w * this.h; }
}

class Square extends Rect {
  constructor(x, y, vx, vy, side) {
    super(x, y, vx, vy, side, side);
  }
  weight() { return super.weight() + 1; }
}

class Triangle extends Shape {
  base;
  height;
  constructor(x, y, vx, vy, base, height) {
    super(x, y, vx, vy);
    this.base = base;
    this.height = height;
  }
  get extent() { return this.base >> 1; }
  area() { return (this.base * this.height) >> 1; }
}

function makeScene(random) {
  const shapes = [];
  for (let i = 0; i < SHAPES; i++) {
    const x = 100 + random.int(WIDTH - 200);
    const y = 100 + random.int(HEIGHT - 200);
    const vx = random.int(11) - 5;
    const vy = random.int(11) - 5;
    const k = i & 3;
    let s;
    if (k === 0) s = new Circle(x, y, vx, vy, 5 + random.int(40));
    else if (k === 1) s = new Rect(x, y, vx, vy, 10 + random.int(60), 10 + random.int(60));
    else if (k === 2) s = new Square(x, y, vx, vy, 10 + random.int(60));
    else s = new Triangle(x, y, vx, vy, 10 + random.int(60), 10 + random.int(60));
    if (random.int(4) === 0) s.style = { density: 1 + random.int(3) };
    shapes.push(s);
  }
  return shapes;
}

run('classes', function iteration() {
  const random = new Random(11);
  const before = Shape.created;
  const shapes = makeScene(random);
  let bounces = 0;
  let h = 0;
  for (let t = 0; t < STEPS; t++) {
    for (let i = 0; i < shapes.length; i++) bounces += shapes[i].step();
    if (t % 10 === 0) {
      let total = 0;
      for (const s of shapes) total += s.weight();
      h = mix(h, total);
    }
  }
  h = mix(h, bounces);
  let xs = 0;
  for (const s of shapes) xs += s.x * 3 + s.y;
  return mix(mix(h, xs), Shape.created - before);
}, 1891966255);
