// automatic semicolon insertion and restricted productions
var a = 1
var b = a
++b
function f() {
  return
  a
}
var c = b
(function () {})
x: while (true) {
  break
  x
}
do {} while (false) a()
let
y = 2
