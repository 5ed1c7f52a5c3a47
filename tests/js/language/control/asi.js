// Automatic semicolon insertion, including the restricted productions.
function returnNewline() {
  return
  42;
}
print(returnNewline());  // expect: undefined
var a = 1
var b = 2
print(a + b)  // expect: 3
var c = a
++b
print(c, b)  // expect: 1 3
var i = 0
i
++
i
print(i)  // expect: 1
var s = 'x'
var t = s
  + 'y'
print(t)  // expect: xy
function f() { return 'f' }
var arr = [1, 2]
var g = f
;[3, 4].forEach(function (x) { arr.push(x) })
print(arr.join(), g())  // expect: 1,2,3,4 f
var obj = { v: 1 }
obj
.v = 5
print(obj.v)  // expect: 5
do print('do'); while (false) print('after do-while')
// expect: do
// expect: after do-while
var lbl = 0
out: for (;;) {
  lbl++
  break
  out
}
print(lbl)  // expect: 1
var thrown
try { throw new Error('asi') } catch (e) { thrown = e.message }
print(thrown)  // expect: asi
var arrowNl = (x) =>
  x * 2
print(arrowNl(4))  // expect: 8
