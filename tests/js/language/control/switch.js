// switch: strict equality, fallthrough, default anywhere, case expressions evaluated in order.
function classify(x) {
  switch (x) {
    case 1: return 'one (number)';
    case '1': return 'one (string)';
    case true: return 'true';
    case null: return 'null';
    case undefined: return 'undefined';
    case NaN: return 'NaN (never)';
    default: return 'other';
  }
}
print(classify(1), classify('1'), classify(true), classify(null), classify(undefined), classify(NaN), classify(0));
// expect: one (number) one (string) true null undefined other other
function fall(x) {
  var out = [];
  switch (x) {
    case 0: out.push('zero');
    case 1: out.push('one');
    case 2: out.push('two'); break;
    case 3: out.push('three');
  }
  return out.join('+') || 'none';
}
print(fall(0), fall(1), fall(2), fall(3), fall(4));  // expect: zero+one+two one+two two three none
// default in the middle: used only when no case matches; falls through to later cases.
function mid(x) {
  var out = [];
  switch (x) {
    case 'a': out.push('a');
    default: out.push('default');
    case 'b': out.push('b'); break;
    case 'c': out.push('c');
  }
  return out.join('+');
}
print(mid('a'), mid('b'), mid('c'), mid('z'));  // expect: a+default+b b c default+b
// Case expressions are evaluated lazily, in order, until one matches.
var evaluated = [];
function val(v) { evaluated.push(v); return v; }
switch (3) {
  case val(1): break;
  case val(3): break;
  case val(5): break;
}
print(evaluated.join());  // expect: 1,3
// Objects match by identity.
var o1 = {}, o2 = {};
switch (o2) {
  case o1: print('o1'); break;
  case o2: print('o2'); break;  // expect: o2
}
// -0 matches 0 (strict equality).
switch (-0) { case 0: print('-0 matched 0'); }  // expect: -0 matched 0
// Empty switch and switch with only default.
switch (1) {}
switch (1) { default: print('only default'); }  // expect: only default
// continue inside switch inside loop continues the loop.
var s = '';
for (var i = 0; i < 5; i++) {
  switch (i % 2) {
    case 0: continue;
    case 1: s += i;
  }
  s += ',';
}
print(s);  // expect: 1,3,
// Lexical declarations in cases share the switch block; falling through keeps them.
switch (1) {
  case 1:
    let shared = 'declared in case 1';
  case 2:
    print(shared);  // expect: declared in case 1
}
// ...but a declaration whose case was skipped is still in its TDZ.
try {
  switch (2) {
    case 1:
      let skipped = 'never';
    case 2:
      print(skipped);
  }
} catch (e) {
  print(e.name);  // expect: ReferenceError
}
