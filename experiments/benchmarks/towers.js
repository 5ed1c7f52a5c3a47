'use strict';
// towers.js: the towers of Hanoi with every disk an object on a linked-list pile (as in
// the Stanford and "Are We Fast Yet" Towers): recursion plus pointer updates, with a check
// that no disk is ever put on a smaller one. 2^n - 1 moves for n disks.
const { run, mix } = require('./harness.js');

const DISKS = 18;

class Disk {
  constructor(size) {
    this.size = size;
    this.next = null;
  }
}

class Towers {
  constructor(disks) {
    this.piles = [null, null, null];
    this.moves = 0;
    for (let i = disks - 1; i >= 0; i--) this.push(0, new Disk(i));
  }

  push(pile, disk) {
    const top = this.piles[pile];
    if (top !== null && disk.size >= top.size) {
      throw new Error(`cannot put a disk of size ${disk.size} on one of size ${top.size}`);
    }
    disk.next = top;
    this.piles[pile] = disk;
  }

  pop(pile) {
    const top = this.piles[pile];
    if (top === null) throw new Error(`pile ${pile} is empty`);
    this.piles[pile] = top.next;
    top.next = null;
    return top;
  }

  moveTop(from, to) {
    this.push(to, this.pop(from));
    this.moves++;
  }

  move(from, to, n) {
    if (n === 1) {
      this.moveTop(from, to);
      return;
    }
    const other = 3 - from - to;
    this.move(from, other, n - 1);
    this.moveTop(from, to);
    this.move(other, to, n - 1);
  }
}

run('towers', function iteration() {
  const t = new Towers(DISKS);
  t.move(0, 1, DISKS);
  if (t.moves !== (1 << DISKS) - 1 || t.piles[0] !== null || t.piles[2] !== null) {
    throw new Error(`towers: ${t.moves} moves`);
  }
  let h = mix(0, t.moves);
  for (let d = t.piles[1]; d !== null; d = d.next) h = mix(h, d.size);
  return h;
}, 1346416177);
