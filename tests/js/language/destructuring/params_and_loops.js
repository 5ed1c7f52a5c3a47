// Destructuring in parameters, for-of heads, catch clauses and arrow functions.
function area({ w, h = w }) { return w * h; }
print(area({ w: 3 }), area({ w: 2, h: 5 }));  // expect: 9 10
function first([head, ...tail]) { return head + ':' + tail.length; }
print(first([1, 2, 3]), first('abc'));  // expect: 1:2 a:2
function config({ host = 'localhost', port = 80, opts: { secure = false } = {} } = {}) {
  return host + ':' + port + (secure ? ' (secure)' : '');
}
print(config(), config({ port: 8080 }), config({ host: 'h', opts: { secure: true } }));
// expect: localhost:80 localhost:8080 h:80 (secure)
var pairs = [[1, 'one'], [2, 'two']];
for (var [num, word] of pairs) print(num, word);
// expect: 1 one
// expect: 2 two
var people = [{ name: 'Ann', age: 30 }, { name: 'Bob' }];
for (const { name, age = '?' } of people) print(name, age);
// expect: Ann 30
// expect: Bob ?
var m = new Map([['x', 1], ['y', 2]]);
var acc = [];
for (const [k, v] of m) acc.push(k + '=' + v);
print(acc.join('&'));  // expect: x=1&y=2
for (const [i, ch] of ['a', 'b'].entries()) print(i, ch);
// expect: 0 a
// expect: 1 b
try { throw { code: 42, detail: { msg: 'bad' } }; } catch ({ code, detail: { msg } }) { print(code, msg); }
// expect: 42 bad
var swap = ([a, b]) => [b, a];
print(swap([1, 2]).join());  // expect: 2,1
var getName = ({ name }) => name;
print(people.map(getName).join());  // expect: Ann,Bob
// Parameter destructuring errors happen at call time.
try { area(); } catch (e) { print(e.name); }  // expect: TypeError
try { first(null); } catch (e) { print(e.name); }  // expect: TypeError
// Function length counts parameters before the first default.
print(area.length, config.length, ((a, { b }) => 0).length);  // expect: 1 0 2
// for-in with destructuring of the key string.
var chars = [];
for (var [c0, c1] in { ab: 1, cd: 2 }) chars.push(c1 + c0);
print(chars.join());  // expect: ba,dc
