// An interpreter for a tiny esoteric language, run on a hello-world program.
function bf(code, input) {
  var tape = new Array(300).fill(0), ptr = 0, out = '', inp = 0, jumps = {}, stack = [];
  for (var i = 0; i < code.length; i++) {
    if (code[i] === '[') stack.push(i);
    else if (code[i] === ']') { var j = stack.pop(); jumps[i] = j; jumps[j] = i; }
  }
  for (var pc = 0; pc < code.length; pc++) {
    switch (code[pc]) {
      case '>': ptr++; break;
      case '<': ptr--; break;
      case '+': tape[ptr] = (tape[ptr] + 1) & 255; break;
      case '-': tape[ptr] = (tape[ptr] + 255) & 255; break;
      case '.': out += String.fromCharCode(tape[ptr]); break;
      case ',': tape[ptr] = inp < input.length ? input.charCodeAt(inp++) : 0; break;
      case '[': if (!tape[ptr]) pc = jumps[pc]; break;
      case ']': if (tape[ptr]) pc = jumps[pc]; break;
    }
  }
  return out;
}
print(bf('++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.', ''));
// expect: Hello World!
print(bf(',[.,]', 'echo'));  // expect: echo
print(bf(',[>+<-]>[<++>-]<.', 'A').charCodeAt(0));  // expect: 130
