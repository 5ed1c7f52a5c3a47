// Exporting a class and a helper that requires another module relative to this file.
var util = require('./nested/util.js');
class Shape {
  constructor(sides) { this.sides = sides; }
  describe() { return util.plural(this.sides, 'side'); }
}
module.exports = { Shape: Shape, fromUtil: util.name };
