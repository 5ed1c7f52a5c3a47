// Sorting and comparing strings by UTF-16 code units (the default order), with case,
// digits, accents and astral characters.
var words = ['banana', 'Apple', 'cherry', 'apple', '10', '9', 'Zebra', 'éclair', 'eclair', '', ' space', '\u{1F600}', '\uFFFD', 'a\u0000b', 'a'];
var sorted = words.slice().sort();
print(JSON.stringify(sorted));
// expect: [""," space","10","9","Apple","Zebra","a","a\u0000b","apple","banana","cherry","eclair","éclair","😀","�"]
print(sorted.map(function (w) { return w.length; }).join());
// expect: 0,6,2,1,5,5,1,3,5,6,6,6,6,2,1
var byLower = words.slice().sort(function (a, b) { var x = a.toLowerCase(), y = b.toLowerCase(); return x < y ? -1 : x > y ? 1 : 0; });
print(JSON.stringify(byLower.slice(0, 8)));
// expect: [""," space","10","9","a","a\u0000b","Apple","apple"]
print('a' < 'b', 'a' < 'B', 'Z' < 'a', 'abc' < 'abcd', 'ab' > 'aa', '\uD83D' < '\uFFFD', 'é' > 'z');
// expect: true false true true true true true
var maxStr = words.reduce(function (m, w) { return w > m ? w : m; }, '');
print(maxStr === '\uFFFD', words.indexOf(maxStr));  // expect: true 12
