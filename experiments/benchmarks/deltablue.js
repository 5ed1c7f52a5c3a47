'use strict';
// deltablue.js: an incremental dataflow constraint solver in the manner of DeltaBlue
// (Freeman-Benson, Maloney and Borning). Variables are linked by constraints of different
// strengths; adding or removing a constraint re-plans only the affected part of the graph,
// choosing for each constraint the direction that respects the strength hierarchy. The
// workload is the two classic tests: a long chain of equality constraints driven by an edit
// constraint, and a "projection" of many variables through scale constraints. It stresses
// polymorphic calls (five constraint classes share one interface) and small allocations.
const { run, mix } = require('./harness.js');

const CHAIN_LENGTH = 3000;
const PROJECTION_SIZE = 3000;

// Strengths: lower number = stronger.
const REQUIRED = 0;
const STRONG_PREFERRED = 1;
const PREFERRED = 2;
const STRONG_DEFAULT = 3;
const NORMAL = 4;
const WEAK_DEFAULT = 5;
const WEAKEST = 6;

function stronger(a, b) { return a < b; }
function weaker(a, b) { return a > b; }
function weakestOf(a, b) { return weaker(a, b) ? a : b; }
function nextWeaker(s) { return s === WEAKEST ? WEAKEST : s + 1; }

const NONE = 0;
const FORWARD = 1;
const BACKWARD = 2;

class Variable {
  constructor(name, value) {
    this.name = name;
    this.value = value;
    this.constraints = [];
    this.determinedBy = null;
    this.mark = 0;
    this.walkStrength = WEAKEST;
    this.stay = true;
  }
  addConstraint(c) { this.constraints.push(c); }
  removeConstraint(c) {
    this.constraints = this.constraints.filter((x) => x !== c);
    if (this.determinedBy === c) this.determinedBy = null;
  }
}

class Constraint {
  constructor(planner, strength) {
    this.planner = planner;
    this.strength = strength;
  }

  addConstraint() {
    this.addToGraph();
    this.planner.incrementalAdd(this);
  }

  // Tries to satisfy this constraint; returns the constraint it overrode (or null).
  satisfy(mark) {
    this.chooseMethod(mark);
    if (!this.isSatisfied()) {
      if (this.strength === REQUIRED) throw new Error('could not satisfy a required constraint');
      return null;
    }
    this.markInputs(mark);
    const out = this.output();
    const overridden = out.determinedBy;
    if (overridden !== null) overridden.markUnsatisfied();
    out.determinedBy = this;
    if (!this.planner.addPropagate(this, mark)) throw new Error('cycle encountered');
    out.mark = mark;
    return overridden;
  }

  destroyConstraint() {
    if (this.isSatisfied()) this.planner.incrementalRemove(this);
    else this.removeFromGraph();
  }

  isInput() { return false; }
}

class UnaryConstraint extends Constraint {
  constructor(planner, v, strength) {
    super(planner, strength);
    this.myOutput = v;
    this.satisfied = false;
    this.addConstraint();
  }
  addToGraph() {
    this.myOutput.addConstraint(this);
    this.satisfied = false;
  }
  chooseMethod(mark) {
    this.satisfied = this.myOutput.mark !== mark && stronger(this.strength, this.myOutput.walkStrength);
  }
  isSatisfied() { return this.satisfied; }
  markInputs(mark) {}
  output() { return this.myOutput; }
  recalculate() {
    this.myOutput.walkStrength = this.strength;
    this.myOutput.stay = !this.isInput();
    if (this.myOutput.stay) this.execute();
  }
  markUnsatisfied() { this.satisfied = false; }
  inputsKnown(mark) { return true; }
  removeFromGraph() {
    if (this.myOutput !== null) this.myOutput.removeConstraint(this);
    this.satisfied = false;
  }
}

// Keeps a variable's value unchanged by the planner.
class StayConstraint extends UnaryConstraint {
  execute() {}
}

// Marks a variable as changed from outside (the input of a plan).
class EditConstraint extends UnaryConstraint {
  isInput() { return true; }
  execute() {}
}

class BinaryConstraint extends Constraint {
  constructor(planner, v1, v2, strength, deferAdd) {
    super(planner, strength);
    this.v1 = v1;
    this.v2 = v2;
    this.direction = NONE;
    if (!deferAdd) this.addConstraint();
  }

  // Picks the direction: towards the variable that is not yet marked and whose current
  // walkabout strength is weaker than this constraint.
  chooseMethod(mark) {
    if (this.v1.mark === mark) {
      this.direction = this.v2.mark !== mark && stronger(this.strength, this.v2.walkStrength)
        ? FORWARD : NONE;
      return;
    }
    if (this.v2.mark === mark) {
      this.direction = this.v1.mark !== mark && stronger(this.strength, this.v1.walkStrength)
        ? BACKWARD : NONE;
      return;
    }
    if (weaker(this.v1.walkStrength, this.v2.walkStrength)) {
      this.direction = stronger(this.strength, this.v1.walkStrength) ? BACKWARD : NONE;
    } else {
      this.direction = stronger(this.strength, this.v2.walkStrength) ? FORWARD : BACKWARD;
    }
  }
  addToGraph() {
    this.v1.addConstraint(this);
    this.v2.addConstraint(this);
    this.direction = NONE;
  }
  isSatisfied() { return this.direction !== NONE; }
  markInputs(mark) { this.input().mark = mark; }
  input() { return this.direction === FORWARD ? this.v1 : this.v2; }
  output() { return this.direction === FORWARD ? this.v2 : this.v1; }
  recalculate() {
    const ihn = this.input();
    const out = this.output();
    out.walkStrength = weakestOf(this.strength, ihn.walkStrength);
    out.stay = ihn.stay;
    if (out.stay) this.execute();
  }
  markUnsatisfied() { this.direction = NONE; }
  inputsKnown(mark) {
    const i = this.input();
    return i.mark === mark || i.stay || i.determinedBy === null;
  }
  removeFromGraph() {
    if (this.v1 !== null) this.v1.removeConstraint(this);
    if (this.v2 !== null) this.v2.removeConstraint(this);
    this.direction = NONE;
  }
}

class EqualityConstraint extends BinaryConstraint {
  execute() { this.output().value = this.input().value; }
}

// v2 = v1 * scale + offset (or the inverse, when solved backwards).
class ScaleConstraint extends BinaryConstraint {
  constructor(planner, src, scale, offset, dest, strength) {
    super(planner, src, dest, strength, true);
    this.scale = scale;
    this.offset = offset;
    this.addConstraint();
  }
  addToGraph() {
    super.addToGraph();
    this.scale.addConstraint(this);
    this.offset.addConstraint(this);
  }
  removeFromGraph() {
    super.removeFromGraph();
    if (this.scale !== null) this.scale.removeConstraint(this);
    if (this.offset !== null) this.offset.removeConstraint(this);
  }
  markInputs(mark) {
    super.markInputs(mark);
    this.scale.mark = mark;
    this.offset.mark = mark;
  }
  execute() {
    if (this.direction === FORWARD) {
      this.v2.value = this.v1.value * this.scale.value + this.offset.value;
    } else {
      this.v1.value = (this.v2.value - this.offset.value) / this.scale.value;
    }
  }
  recalculate() {
    const ihn = this.input();
    const out = this.output();
    out.walkStrength = weakestOf(this.strength, ihn.walkStrength);
    out.stay = ihn.stay && this.scale.stay && this.offset.stay;
    if (out.stay) this.execute();
  }
}

class Plan {
  constructor() { this.list = []; }
  addConstraint(c) { this.list.push(c); }
  execute() {
    for (let i = 0; i < this.list.length; i++) this.list[i].execute();
  }
}

class Planner {
  constructor() { this.currentMark = 0; }

  newMark() { return ++this.currentMark; }

  incrementalAdd(c) {
    const mark = this.newMark();
    let overridden = c.satisfy(mark);
    while (overridden !== null) overridden = overridden.satisfy(mark);
  }

  incrementalRemove(c) {
    const out = c.output();
    c.markUnsatisfied();
    c.removeFromGraph();
    const unsatisfied = this.removePropagateFrom(out);
    let strength = REQUIRED;
    do {
      for (const u of unsatisfied) {
        if (u.strength === strength) this.incrementalAdd(u);
      }
      strength = nextWeaker(strength);
    } while (strength !== WEAKEST);
  }

  makePlan(sources) {
    const mark = this.newMark();
    const plan = new Plan();
    const todo = sources;
    while (todo.length > 0) {
      const c = todo.pop();
      if (c.output().mark !== mark && c.inputsKnown(mark)) {
        plan.addConstraint(c);
        c.output().mark = mark;
        this.addConstraintsConsumingTo(c.output(), todo);
      }
    }
    return plan;
  }

  extractPlanFromConstraints(constraints) {
    const sources = [];
    for (const c of constraints) {
      if (c.isInput() && c.isSatisfied()) sources.push(c);
    }
    return this.makePlan(sources);
  }

  addPropagate(c, mark) {
    const todo = [c];
    while (todo.length > 0) {
      const d = todo.pop();
      if (d.output().mark === mark) {
        this.incrementalRemove(c);
        return false;
      }
      d.recalculate();
      this.addConstraintsConsumingTo(d.output(), todo);
    }
    return true;
  }

  removePropagateFrom(out) {
    out.determinedBy = null;
    out.walkStrength = WEAKEST;
    out.stay = true;
    const unsatisfied = [];
    const todo = [out];
    while (todo.length > 0) {
      const v = todo.pop();
      for (const c of v.constraints) {
        if (!c.isSatisfied()) unsatisfied.push(c);
      }
      const determining = v.determinedBy;
      for (const next of v.constraints) {
        if (next !== determining && next.isSatisfied()) {
          next.recalculate();
          todo.push(next.output());
        }
      }
    }
    return unsatisfied;
  }

  addConstraintsConsumingTo(v, coll) {
    const determining = v.determinedBy;
    for (const c of v.constraints) {
      if (c !== determining && c.isSatisfied()) coll.push(c);
    }
  }
}

// A chain v0 = v1 = ... = vn with a stay on vn and an edit on v0: every edit must reach vn.
function chainTest(n) {
  const planner = new Planner();
  let prev = null;
  let first = null;
  let last = null;
  for (let i = 0; i <= n; i++) {
    const v = new Variable(`v${i}`, 0);
    if (prev !== null) new EqualityConstraint(planner, prev, v, REQUIRED);
    if (i === 0) first = v;
    if (i === n) last = v;
    prev = v;
  }
  new StayConstraint(planner, last, STRONG_DEFAULT);
  const edit = new EditConstraint(planner, first, PREFERRED);
  const plan = planner.extractPlanFromConstraints([edit]);
  let h = 0;
  for (let i = 0; i < 100; i++) {
    first.value = i;
    plan.execute();
    if (last.value !== i) throw new Error(`chain test failed: ${last.value} !== ${i}`);
    h = mix(h, last.value);
  }
  return mix(h, planner.currentMark);
}

function change(planner, v, newValue) {
  const edit = new EditConstraint(planner, v, PREFERRED);
  const plan = planner.extractPlanFromConstraints([edit]);
  for (let i = 0; i < 10; i++) {
    v.value = newValue;
    plan.execute();
  }
  edit.destroyConstraint();
}

// n source variables projected through dst = src * scale + offset, edited from both ends.
function projectionTest(n) {
  const planner = new Planner();
  const scale = new Variable('scale', 10);
  const offset = new Variable('offset', 1000);
  let src = null;
  let dst = null;
  const dests = [];
  for (let i = 0; i < n; i++) {
    src = new Variable(`src${i}`, i);
    dst = new Variable(`dst${i}`, i);
    dests.push(dst);
    new StayConstraint(planner, src, NORMAL);
    new ScaleConstraint(planner, src, scale, offset, dst, REQUIRED);
  }
  change(planner, src, 17);
  if (dst.value !== 1170) throw new Error('projection 1 failed');
  change(planner, dst, 1050);
  if (src.value !== 5) throw new Error('projection 2 failed');
  change(planner, scale, 5);
  let h = 0;
  for (let i = 0; i < n - 1; i++) {
    if (dests[i].value !== i * 5 + 1000) throw new Error('projection 3 failed');
    h = mix(h, dests[i].value);
  }
  change(planner, offset, 2000);
  for (let i = 0; i < n - 1; i++) {
    if (dests[i].value !== i * 5 + 2000) throw new Error('projection 4 failed');
    h = mix(h, dests[i].value);
  }
  return mix(h, planner.currentMark);
}

run('deltablue', function iteration() {
  return mix(chainTest(CHAIN_LENGTH), projectionTest(PROJECTION_SIZE));
}, 1900396866);
