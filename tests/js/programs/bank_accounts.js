// Classes, private-by-convention state, custom errors, and transaction logs.
class InsufficientFunds extends Error {
  constructor(need, have) { super('need ' + need + ', have ' + have); this.name = 'InsufficientFunds'; this.need = need; }
}
class Account {
  constructor(owner, balance = 0) { this.owner = owner; this._balance = balance; this.log = []; Account.count++; }
  get balance() { return this._balance; }
  deposit(x) { if (!(x > 0)) throw new RangeError('bad amount ' + x); this._balance += x; this.log.push('+' + x); return this; }
  withdraw(x) { if (x > this._balance) throw new InsufficientFunds(x, this._balance); this._balance -= x; this.log.push('-' + x); return this; }
  transfer(to, x) { this.withdraw(x); to.deposit(x); return this; }
  static total(list) { return list.reduce(function (s, a) { return s + a.balance; }, 0); }
}
Account.count = 0;
class Savings extends Account {
  constructor(owner, balance, rate) { super(owner, balance); this.rate = rate; }
  addInterest() { return this.deposit(Math.round(this.balance * this.rate * 100) / 100); }
  withdraw(x) { if (this.log.filter(function (e) { return e[0] === '-'; }).length >= 2) throw new Error('limit reached'); return super.withdraw(x); }
}
var a = new Account('ann', 100), b = new Savings('bob', 1000, 0.05);
a.deposit(50).withdraw(30);
b.addInterest();
a.transfer(b, 20);
print(a.balance, b.balance, a.log.join(' '), b.log.join(' '), Account.count, Account.total([a, b]));
// expect: 100 1070 +50 -30 -20 +50 +20 2 1170
var errors = [];
[function () { a.withdraw(1000); }, function () { a.deposit(-5); }, function () { b.withdraw(1); b.withdraw(1); b.withdraw(1); }, function () { a.deposit('x'); }]
  .forEach(function (f) { try { f(); errors.push('none'); } catch (e) { errors.push(e.name + (e instanceof InsufficientFunds ? '(' + e.need + ')' : '') + ': ' + e.message); } });
print(errors.join(' | '));
// expect: InsufficientFunds(1000): need 1000, have 100 | RangeError: bad amount -5 | Error: limit reached | RangeError: bad amount x
print(b instanceof Account, Object.getPrototypeOf(Savings) === Account, b.balance);
// expect: true true 1068
