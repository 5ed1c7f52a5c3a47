// var, let and const, several declarators, and block scope
var a, b = 1, c = b + 1;
let x = 'x';
const PI = 3.14159;
{
  let x = 2;
  const y = x;
  var z = y;
}
let uninitialized;
