// Inventory bookkeeping with Maps of Sets: tags, stock movements, low-stock reports.
var stock = new Map(), tags = new Map(), history = [];
function add(sku, qty, tagList) {
  stock.set(sku, (stock.get(sku) || 0) + qty);
  (tagList || []).forEach(function (t) { if (!tags.has(t)) tags.set(t, new Set()); tags.get(t).add(sku); });
  history.push(['in', sku, qty]);
}
function remove(sku, qty) {
  var have = stock.get(sku) || 0;
  if (qty > have) throw new RangeError('only ' + have + ' of ' + sku);
  stock.set(sku, have - qty);
  if (stock.get(sku) === 0) stock.delete(sku);
  history.push(['out', sku, qty]);
}
add('apple', 50, ['fruit', 'red']);
add('banana', 20, ['fruit', 'yellow']);
add('chili', 5, ['red', 'spicy']);
add('apple', 10);
remove('banana', 20);
remove('apple', 45);
try { remove('chili', 9); } catch (e) { print(e.name, e.message); }
// expect: RangeError only 5 of chili
print(JSON.stringify([...stock]));  // expect: [["apple",15],["chili",5]]
print([...tags.keys()].join(), [...tags.get('red')].join(), tags.get('fruit').has('banana'), stock.has('banana'));
// expect: fruit,red,yellow,spicy apple,chili true false
var low = [...stock].filter(function (e) { return e[1] < 10; }).map(function (e) { return e[0]; });
print(low.join(), history.length, history.filter(function (h) { return h[0] === 'out'; }).reduce(function (s, h) { return s + h[2]; }, 0));
// expect: chili 6 65
var redStock = 0;
tags.get('red').forEach(function (sku) { redStock += stock.get(sku) || 0; });
print(redStock);  // expect: 20
