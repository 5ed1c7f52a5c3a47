// if/else chains, dangling else, blocks and empty statements.
function sign(x) {
  if (x > 0) return 'positive';
  else if (x < 0) return 'negative';
  else if (x === 0) return 'zero';
  else return 'NaN';
}
print(sign(5), sign(-5), sign(0), sign(-0), sign(NaN));  // expect: positive negative zero zero NaN
var r = [];
for (var i = 0; i < 4; i++)
  if (i % 2)
    if (i > 2) r.push('odd>2');
    else r.push('odd<=2');
print(r.join());  // expect: odd<=2,odd>2
;;;
{ }
{ { { r.push('nested'); } } }
print(r.length);  // expect: 3
if (0) ; else print('empty then');  // expect: empty then
var v = 0;
if (v) { print('no'); } else { print('else branch'); }  // expect: else branch
if ('0') print("'0' is truthy");  // expect: '0' is truthy
if ([]) print('[] is truthy');  // expect: [] is truthy
if (!'') print("'' is falsy");  // expect: '' is falsy
