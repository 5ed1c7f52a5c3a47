// Direct eval: the code sees and updates the caller's variables, `this`, arguments and
// new.target; sloppy var declarations go to the caller's variable scope when it has the name.
function f(a, b) {
  var x = 1;
  let y = 2;
  const z = 3;
  print(eval("a + b + x + y + z"));
  eval("x = 10; y = 20; a = 5");
  print(x, y, a, arguments[0]);
  print(eval("arguments.length"));
  eval("var x = 42");
  print(x);
  return eval("this.tag");
}
print(f.call({tag: "T"}, 1, 2));
// expect: 9
// expect: 10 20 5 5
// expect: 2
// expect: 42
// expect: T

// Closures created inside eval code capture the caller's scope.
function counter() {
  var n = 0;
  var inc = eval("(function () { return ++n; })");
  inc();
  inc();
  return n;
}
print(counter());
// expect: 2

// Arrows: `this` and arguments are the enclosing function's.
function outer() {
  var g = () => eval("this.v + arguments[0]");
  return g();
}
print(outer.call({v: 40}, 2));
// expect: 42

function Ctor() {
  this.nt = eval("new.target === Ctor");
}
print(new Ctor().nt);
// expect: true

// Completion values.
function completions() {
  var out = [];
  out.push(eval("1; 2; 3"));
  out.push(eval("var q = 4;"));
  out.push(eval("5; if (false) {}"));
  out.push(eval("6; {}"));
  out.push(eval("do { 7; break; } while (false)"));
  out.push(eval("8; try { 9 } finally { 10 }"));
  out.push(eval("for (var i = 0; i < 3; i++) i * 2"));
  out.push(eval("function decl() {}"));
  return out.join(",");
}
print(completions());
// expect: 3,,,6,7,9,4,

// Non-string arguments are returned unchanged; no argument gives undefined.
var o = {};
print(eval(o) === o, eval(12), eval());
// expect: true 12 undefined

// Syntax errors are thrown as catchable SyntaxErrors.
try {
  eval("var 1 = 2");
} catch (e) {
  print(e instanceof SyntaxError);
}
// expect: true

// let/const of eval code stay in the eval code.
function lexical() {
  eval("let hidden = 1; const c = 2;");
  return typeof hidden + " " + typeof c;
}
print(lexical());
// expect: undefined undefined

// A sloppy eval var that collides with an enclosing let is a SyntaxError.
function conflict() {
  let k = 1;
  {
    try {
      eval("var k = 2");
    } catch (e) {
      return e.constructor.name + " " + k;
    }
  }
}
print(conflict());
// expect: SyntaxError 1

// Strict eval code keeps its vars to itself.
function strictVars() {
  "use strict";
  var s = 1;
  eval("var s = 2; var t = 3;");
  return s + " " + typeof t;
}
print(strictVars());
// expect: 1 undefined

// A callee named eval that is not %eval% is an ordinary call.
function shadowed() {
  var eval = function (x) { return "mine:" + x; };
  return eval("1 + 1");
}
print(shadowed());
// expect: mine:1 + 1

// Nested eval sees both levels.
function nested() {
  var p = "p";
  return eval("var r = 'r'; eval('p + r')");
}
print(nested());
// expect: pr
