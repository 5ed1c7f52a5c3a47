// Object-oriented dispatch in the style of Richards: tasks of several classes scheduled in a
// round-robin queue, each with its own state machine.
class Task {
  constructor(id, priority) { this.id = id; this.priority = priority; this.runs = 0; }
  run(sched) { this.runs++; return this.step(sched); }
}
class Worker extends Task {
  constructor(id) { super(id, 2); this.acc = 0; }
  step(sched) { this.acc = (this.acc * 31 + this.runs) % 10007; if (this.runs % 7 === 0) sched.post('handler', this.acc); return true; }
}
class Handler extends Task {
  constructor(id) { super(id, 3); this.inbox = []; this.handled = 0; }
  receive(v) { this.inbox.push(v); }
  step() { while (this.inbox.length) { this.handled += this.inbox.shift() % 13; } return true; }
}
class Idle extends Task {
  constructor(id, limit) { super(id, 1); this.limit = limit; }
  step() { return this.runs < this.limit; }
}
class Scheduler {
  constructor() { this.tasks = []; this.byName = {}; this.messages = 0; }
  add(name, task) { this.tasks.push(task); this.byName[name] = task; }
  post(name, v) { this.messages++; this.byName[name].receive(v); }
  schedule() {
    var alive = true, rounds = 0;
    while (alive) {
      rounds++;
      for (var i = 0; i < this.tasks.length; i++) {
        if (!this.tasks[i].run(this)) alive = false;
      }
    }
    return rounds;
  }
}
var s = new Scheduler();
s.add('w1', new Worker(1));
s.add('w2', new Worker(2));
s.add('handler', new Handler(3));
s.add('idle', new Idle(4, 5000));
var rounds = s.schedule();
print(rounds, s.messages, s.byName.handler.handled, s.byName.w1.acc, s.byName.w2.runs);
// expect: 5000 1428 8452 8736 5000
