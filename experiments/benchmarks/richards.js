'use strict';
// richards.js: Martin Richards' operating-system simulation (object-oriented dispatch).
// A scheduler runs six tasks (idle, worker, two handlers, two devices) that pass packets
// through queues; every step is a virtual call on a task object and a state check on its
// control block. With a count of 1000 the classic run queues 2322 packets and holds 928
// times; each iteration runs the simulation RUNS times and checks those two numbers.
const { run } = require('./harness.js');

const RUNS = 50;
const COUNT = 1000;
const EXPECTED_QUEUE = 2322;
const EXPECTED_HOLD = 928;

const ID_IDLE = 0;
const ID_WORKER = 1;
const ID_HANDLER_A = 2;
const ID_HANDLER_B = 3;
const ID_DEVICE_A = 4;
const ID_DEVICE_B = 5;
const NUM_IDS = 6;

const KIND_DEVICE = 0;
const KIND_WORK = 1;
const DATA_SIZE = 4;

// Task states are bit sets: RUNNABLE (packet waiting), SUSPENDED, HELD.
const STATE_RUNNING = 0;
const STATE_RUNNABLE = 1;
const STATE_SUSPENDED = 2;
const STATE_HELD = 4;
const STATE_SUSPENDED_RUNNABLE = STATE_SUSPENDED | STATE_RUNNABLE;

class Packet {
  constructor(link, id, kind) {
    this.link = link;
    this.id = id;
    this.kind = kind;
    this.a1 = 0;
    this.a2 = [0, 0, 0, 0];
  }

  // Appends this packet to the end of queue; returns the new head.
  addTo(queue) {
    this.link = null;
    if (queue === null) return this;
    let last = queue;
    while (last.link !== null) last = last.link;
    last.link = this;
    return queue;
  }
}

class TaskControlBlock {
  constructor(link, id, priority, queue, task) {
    this.link = link;
    this.id = id;
    this.priority = priority;
    this.queue = queue;
    this.task = task;
    this.state = queue === null ? STATE_SUSPENDED : STATE_SUSPENDED_RUNNABLE;
  }

  setRunning() { this.state = STATE_RUNNING; }
  markAsNotHeld() { this.state &= ~STATE_HELD; }
  markAsHeld() { this.state |= STATE_HELD; }
  markAsSuspended() { this.state |= STATE_SUSPENDED; }
  markAsRunnable() { this.state |= STATE_RUNNABLE; }
  isHeldOrSuspended() {
    return (this.state & STATE_HELD) !== 0 || this.state === STATE_SUSPENDED;
  }

  run() {
    let packet = null;
    if (this.state === STATE_SUSPENDED_RUNNABLE) {
      packet = this.queue;
      this.queue = packet.link;
      this.state = this.queue === null ? STATE_RUNNING : STATE_RUNNABLE;
    }
    return this.task.run(packet);
  }

  // Adds packet to this block's queue; returns the block that should run next.
  checkPriorityAdd(current, packet) {
    if (this.queue === null) {
      this.queue = packet;
      this.markAsRunnable();
      if (this.priority > current.priority) return this;
    } else {
      this.queue = packet.addTo(this.queue);
    }
    return current;
  }
}

class Scheduler {
  constructor() {
    this.queueCount = 0;
    this.holdCount = 0;
    this.blocks = [];
    for (let i = 0; i < NUM_IDS; i++) this.blocks.push(null);
    this.list = null;
    this.current = null;
    this.currentId = 0;
  }

  addTask(id, priority, queue, task) {
    this.current = new TaskControlBlock(this.list, id, priority, queue, task);
    this.list = this.current;
    this.blocks[id] = this.current;
  }

  schedule() {
    this.current = this.list;
    while (this.current !== null) {
      if (this.current.isHeldOrSuspended()) {
        this.current = this.current.link;
      } else {
        this.currentId = this.current.id;
        this.current = this.current.run();
      }
    }
  }

  release(id) {
    const tcb = this.blocks[id];
    if (tcb === null) return tcb;
    tcb.markAsNotHeld();
    return tcb.priority > this.current.priority ? tcb : this.current;
  }

  holdCurrent() {
    this.holdCount++;
    this.current.markAsHeld();
    return this.current.link;
  }

  suspendCurrent() {
    this.current.markAsSuspended();
    return this.current;
  }

  queue(packet) {
    const target = this.blocks[packet.id];
    if (target === null) return target;
    this.queueCount++;
    packet.link = null;
    packet.id = this.currentId;
    return target.checkPriorityAdd(this.current, packet);
  }
}

class IdleTask {
  constructor(scheduler, v1, count) {
    this.scheduler = scheduler;
    this.v1 = v1;
    this.count = count;
  }
  run(packet) {
    this.count--;
    if (this.count === 0) return this.scheduler.holdCurrent();
    if ((this.v1 & 1) === 0) {
      this.v1 = this.v1 >> 1;
      return this.scheduler.release(ID_DEVICE_A);
    }
    this.v1 = (this.v1 >> 1) ^ 0xd008;
    return this.scheduler.release(ID_DEVICE_B);
  }
}

class DeviceTask {
  constructor(scheduler) {
    this.scheduler = scheduler;
    this.pending = null;
  }
  run(packet) {
    if (packet === null) {
      if (this.pending === null) return this.scheduler.suspendCurrent();
      const p = this.pending;
      this.pending = null;
      return this.scheduler.queue(p);
    }
    this.pending = packet;
    return this.scheduler.holdCurrent();
  }
}

class WorkerTask {
  constructor(scheduler, destination, count) {
    this.scheduler = scheduler;
    this.destination = destination;
    this.count = count;
  }
  run(packet) {
    if (packet === null) return this.scheduler.suspendCurrent();
    this.destination = this.destination === ID_HANDLER_A ? ID_HANDLER_B : ID_HANDLER_A;
    packet.id = this.destination;
    packet.a1 = 0;
    for (let i = 0; i < DATA_SIZE; i++) {
      this.count++;
      if (this.count > 26) this.count = 1;
      packet.a2[i] = this.count;
    }
    return this.scheduler.queue(packet);
  }
}

class HandlerTask {
  constructor(scheduler) {
    this.scheduler = scheduler;
    this.work = null;
    this.devices = null;
  }
  run(packet) {
    if (packet !== null) {
      if (packet.kind === KIND_WORK) this.work = packet.addTo(this.work);
      else this.devices = packet.addTo(this.devices);
    }
    if (this.work !== null) {
      const count = this.work.a1;
      if (count < DATA_SIZE) {
        if (this.devices !== null) {
          const v = this.devices;
          this.devices = v.link;
          v.a1 = this.work.a2[count];
          this.work.a1 = count + 1;
          return this.scheduler.queue(v);
        }
      } else {
        const v = this.work;
        this.work = v.link;
        return this.scheduler.queue(v);
      }
    }
    return this.scheduler.suspendCurrent();
  }
}

function runRichards() {
  const s = new Scheduler();
  s.addTask(ID_IDLE, 0, null, new IdleTask(s, 1, COUNT));
  s.current.setRunning();

  let queue = new Packet(null, ID_WORKER, KIND_WORK);
  queue = new Packet(queue, ID_WORKER, KIND_WORK);
  s.addTask(ID_WORKER, 1000, queue, new WorkerTask(s, ID_HANDLER_A, 0));

  queue = new Packet(null, ID_DEVICE_A, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_A, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_A, KIND_DEVICE);
  s.addTask(ID_HANDLER_A, 2000, queue, new HandlerTask(s));

  queue = new Packet(null, ID_DEVICE_B, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_B, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_B, KIND_DEVICE);
  s.addTask(ID_HANDLER_B, 3000, queue, new HandlerTask(s));

  s.addTask(ID_DEVICE_A, 4000, null, new DeviceTask(s));
  s.addTask(ID_DEVICE_B, 5000, null, new DeviceTask(s));
  s.schedule();
  return s;
}

run('richards', function iteration() {
  let checksum = 0;
  for (let r = 0; r < RUNS; r++) {
    const s = runRichards();
    if (s.queueCount !== EXPECTED_QUEUE || s.holdCount !== EXPECTED_HOLD) {
      return `queue=${s.queueCount} hold=${s.holdCount}`;
    }
    checksum += s.queueCount + s.holdCount;
  }
  return checksum;
}, RUNS * (EXPECTED_QUEUE + EXPECTED_HOLD));
