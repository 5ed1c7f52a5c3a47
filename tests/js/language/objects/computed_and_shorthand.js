// Computed keys (evaluated in order, converted with ToPropertyKey), shorthand properties and
// methods, and keys that are numbers, symbols and reserved words.
var i = 0;
var o = { [i++]: 'zero', [i++]: 'one', ['k' + i]: 'k2', [`t${i}`]: 't2', [1 + 1]: 'two' };
print(JSON.stringify(o), i);  // expect: {"0":"zero","1":"one","2":"two","k2":"k2","t2":"t2"} 2
var name = 'Ann', age = 30;
var person = { name, age, greet() { return 'hi ' + this.name; }, ['say' + 'Bye']() { return 'bye ' + this.name; } };
print(person.name, person.age, person.greet(), person.sayBye(), Object.keys(person).join());
// expect: Ann 30 hi Ann bye Ann name,age,greet,sayBye
var keyObj = { toString() { return 'custom'; } };
var withObjKey = { [keyObj]: 1, [[1, 2]]: 'array key', [null]: 'null key', [true]: 'bool key' };
print(Object.keys(withObjKey).join('|'));  // expect: custom|1,2|null|true
var calls = [];
var ordered = { [(calls.push('k1'), 'a')]: calls.push('v1'), b: calls.push('v2'), [(calls.push('k3'), 'c')]: calls.push('v3') };
print(calls.join(), JSON.stringify(ordered));  // expect: k1,v1,v2,k3,v3 {"a":2,"b":3,"c":5}
var nums = { 1.5: 'a', 1e3: 'b', 0x10: 'c', .5: 'd', 1e21: 'e' };
print(Object.keys(nums).join());  // expect: 16,1000,1.5,0.5,1e+21
var sym = Symbol.iterator;
var symObj = { [sym]() { return [1, 2][Symbol.iterator](); } };
print([...symObj].join(), Object.keys(symObj).length);  // expect: 1,2 0
function make(kind) { return { [kind + 'Id']: 1, [kind + 'Name']: kind }; }
print(JSON.stringify(make('user')), JSON.stringify(make('item')));
// expect: {"userId":1,"userName":"user"} {"itemId":1,"itemName":"item"}
