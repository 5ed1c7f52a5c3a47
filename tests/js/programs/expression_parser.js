// A recursive-descent parser and evaluator for arithmetic expressions with variables,
// precedence, unary minus, parentheses, and error reporting.
function tokenize(src) {
  var tokens = [], i = 0;
  while (i < src.length) {
    var c = src[i];
    if (c === ' ') { i++; continue; }
    if (c >= '0' && c <= '9' || c === '.') { var j = i; while (j < src.length && (src[j] >= '0' && src[j] <= '9' || src[j] === '.')) j++; tokens.push({ t: 'num', v: parseFloat(src.slice(i, j)) }); i = j; continue; }
    if (c >= 'a' && c <= 'z') { var k = i; while (k < src.length && src[k] >= 'a' && src[k] <= 'z') k++; tokens.push({ t: 'id', v: src.slice(i, k) }); i = k; continue; }
    if ('+-*/^()'.includes(c)) { tokens.push({ t: c }); i++; continue; }
    throw new SyntaxError('unexpected ' + c + ' at ' + i);
  }
  tokens.push({ t: 'eof' });
  return tokens;
}
function parse(src) {
  var toks = tokenize(src), pos = 0;
  function peek() { return toks[pos].t; }
  function eat(t) { if (peek() !== t) throw new SyntaxError('expected ' + t + ' got ' + peek()); return toks[pos++]; }
  function primary() {
    if (peek() === 'num') return { k: 'num', v: eat('num').v };
    if (peek() === 'id') return { k: 'var', v: eat('id').v };
    if (peek() === '-') { eat('-'); return { k: 'neg', e: unary() }; }
    eat('('); var e = expr(); eat(')'); return e;
  }
  function unary() { return primary(); }
  function power() { var b = unary(); if (peek() === '^') { eat('^'); return { k: '^', l: b, r: power() }; } return b; }
  function term() { var l = power(); while (peek() === '*' || peek() === '/') { var op = toks[pos++].t; l = { k: op, l: l, r: power() }; } return l; }
  function expr() { var l = term(); while (peek() === '+' || peek() === '-') { var op = toks[pos++].t; l = { k: op, l: l, r: term() }; } return l; }
  var tree = expr();
  eat('eof');
  return tree;
}
function evaluate(n, env) {
  switch (n.k) {
    case 'num': return n.v;
    case 'var': if (!(n.v in env)) throw new ReferenceError(n.v + ' is not defined'); return env[n.v];
    case 'neg': return -evaluate(n.e, env);
    case '+': return evaluate(n.l, env) + evaluate(n.r, env);
    case '-': return evaluate(n.l, env) - evaluate(n.r, env);
    case '*': return evaluate(n.l, env) * evaluate(n.r, env);
    case '/': return evaluate(n.l, env) / evaluate(n.r, env);
    case '^': return Math.pow(evaluate(n.l, env), evaluate(n.r, env));
  }
}
var env = { x: 3, y: 4, pi: 3.14159 };
['1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', '-x ^ 2', 'x * x + y * y', '10 / 4 - 0.5', '2 * pi', '-(-(-1))', '1 / 0', '8 / 2 / 2'].forEach(function (src) {
  print(src, '=', evaluate(parse(src), env));
  // expect: 1 + 2 * 3 = 7
  // expect: (1 + 2) * 3 = 9
  // expect: 2 ^ 3 ^ 2 = 512
  // expect: -x ^ 2 = 9
  // expect: x * x + y * y = 25
  // expect: 10 / 4 - 0.5 = 2
  // expect: 2 * pi = 6.28318
  // expect: -(-(-1)) = -1
  // expect: 1 / 0 = Infinity
  // expect: 8 / 2 / 2 = 2
});
['1 +', '(1 + 2', '1 $ 2', 'z + 1', ')'].forEach(function (src) {
  try { print(evaluate(parse(src), env)); } catch (e) { print(src, '->', e.name + ': ' + e.message); }
  // expect: 1 + -> SyntaxError: expected ( got eof
  // expect: (1 + 2 -> SyntaxError: expected ) got eof
  // expect: 1 $ 2 -> SyntaxError: unexpected $ at 2
  // expect: z + 1 -> ReferenceError: z is not defined
  // expect: ) -> SyntaxError: expected ( got )
});
