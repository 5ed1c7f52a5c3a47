// this_props counts distinct names assigned through this in the function's own code
function Vec(x, y) {
  this.x = x;
  this.y = y;
  this.x = x + 0;
  this.len = () => (this.norm = Math.hypot(this.x, this.y));
}
class Rect {
  constructor(w, h) { this.w = w; this.h = h; this['area'] = w * h; }
}
