// Symbol.iterator is a well-known symbol shared by all iterables; classes can define it.
print(typeof Symbol.iterator, String(Symbol.iterator), Symbol.iterator === Symbol.iterator);
// expect: symbol Symbol(Symbol.iterator) true
print(Symbol.iterator in Array.prototype, Symbol.iterator in String.prototype, Symbol.iterator in Map.prototype, Symbol.iterator in Set.prototype);
// expect: true true true true
print(Symbol.iterator in Object.prototype, typeof {}[Symbol.iterator]);  // expect: false undefined
class LinkedList {
  constructor() { this.head = null; this.size = 0; }
  add(v) { this.head = { v: v, next: this.head }; this.size++; return this; }
  [Symbol.iterator]() {
    var node = this.head;
    return {
      next() {
        if (!node) return { done: true, value: undefined };
        var v = node.v;
        node = node.next;
        return { done: false, value: v };
      },
    };
  }
}
var list = new LinkedList().add(1).add(2).add(3);
print([...list].join(), list.size, Array.from(list).reverse().join());  // expect: 3,2,1 3 1,2,3
var sum = 0;
for (var v of list) sum += v;
print(sum);  // expect: 6
// Symbol-keyed properties are not listed by keys/for-in/JSON.
var obj = { a: 1, [Symbol.iterator]: function () { return [][Symbol.iterator](); } };
var keys = [];
for (var k in obj) keys.push(k);
print(keys.join(), Object.keys(obj).join(), JSON.stringify(obj), Object.getOwnPropertyNames(obj).join());
// expect: a a {"a":1} a
print([...obj].length);  // expect: 0
// Overriding Array.prototype[Symbol.iterator] changes for-of and spread of arrays.
var saved = Array.prototype[Symbol.iterator];
Array.prototype[Symbol.iterator] = function () {
  var arr = this, i = arr.length;
  return { next() { return i > 0 ? { value: arr[--i], done: false } : { done: true }; } };
};
print([...[1, 2, 3]].join());  // expect: 3,2,1
Array.prototype[Symbol.iterator] = saved;
print([...[1, 2, 3]].join());  // expect: 1,2,3
// A string's own iterator handles surrogate pairs.
print([...'a\u{1F600}'].length, Array.from('\u{1F600}\u{1F601}').length);  // expect: 2 2
// Symbols cannot be converted to numbers or implicitly to strings.
try { Symbol.iterator + 1; } catch (e) { print(e.name); }  // expect: TypeError
try { `${Symbol.iterator}`; } catch (e) { print(e.name); }  // expect: TypeError
print(Symbol.iterator.toString(), Symbol.iterator.description);
// expect: Symbol(Symbol.iterator) Symbol.iterator
