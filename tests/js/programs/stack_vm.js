// A tiny stack-based bytecode interpreter written in JS (dispatch on strings, arrays as stacks).
function run(code) {
  var stack = [], pc = 0, vars = {}, out = [];
  while (pc < code.length) {
    var op = code[pc++];
    switch (op) {
      case 'push': stack.push(code[pc++]); break;
      case 'load': stack.push(vars[code[pc++]]); break;
      case 'store': vars[code[pc++]] = stack.pop(); break;
      case 'add': { var b = stack.pop(), a = stack.pop(); stack.push(a + b); break; }
      case 'sub': { var b2 = stack.pop(), a2 = stack.pop(); stack.push(a2 - b2); break; }
      case 'mul': { var b3 = stack.pop(), a3 = stack.pop(); stack.push(a3 * b3); break; }
      case 'lt': { var b4 = stack.pop(), a4 = stack.pop(); stack.push(a4 < b4); break; }
      case 'jmpf': { var target = code[pc++]; if (!stack.pop()) pc = target; break; }
      case 'jmp': pc = code[pc]; break;
      case 'print': out.push(stack.pop()); break;
      default: throw new Error('bad op ' + op);
    }
  }
  return out;
}
// i = 0; acc = 1; while (i < 20) { acc = acc * 2 - i; i = i + 1 } print acc; print i
var prog = ['push', 0, 'store', 'i', 'push', 1, 'store', 'acc',
  'load', 'i', 'push', 20, 'lt', 'jmpf', 34,
  'load', 'acc', 'push', 2, 'mul', 'load', 'i', 'sub', 'store', 'acc',
  'load', 'i', 'push', 1, 'add', 'store', 'i', 'jmp', 8,
  'load', 'acc', 'print', 'load', 'i', 'print'];
print(run(prog).join(' '));  // expect: 21 20
print(run(['push', 'a', 'push', 'b', 'add', 'print']).join());  // expect: ab
try { run(['nop']); } catch (e) { print(e.message); }  // expect: bad op nop
