// patterns as parameters
function f({ a, b = 2 }, [c, ...d], e = a + c, ...rest) {
  return a + b + c + e;
}
var g = ([x, y] = [0, 0], { z } = {}) => x + y + z;
try { risky(); } catch ({ message, code = 0 }) { log(message, code); }
