// Subclassing Error and Array.
class ValidationError extends Error {
  constructor(field, message) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}
try {
  throw new ValidationError('age', 'must be positive');
} catch (e) {
  print(e instanceof ValidationError, e instanceof Error, e.name, e.message, e.field, String(e));
  // expect: true true ValidationError must be positive age ValidationError: must be positive
  print(typeof e.stack, Object.prototype.toString.call(e));  // expect: string [object Error]
}
class WithCause extends Error {}
var wc = new WithCause('outer', { cause: 'inner' });
print(wc.message, wc.cause, wc.name, wc instanceof WithCause);  // expect: outer inner Error true
class HttpError extends Error {
  constructor(status) { super('HTTP ' + status); this.status = status; }
  get isClientError() { return this.status >= 400 && this.status < 500; }
}
class NotFound extends HttpError { constructor() { super(404); } }
var nf = new NotFound();
print(nf.message, nf.isClientError, nf instanceof HttpError, nf.name);
// expect: HTTP 404 true true Error
// Array subclass: length tracking, methods, Array.isArray.
class Stack extends Array {
  peek() { return this[this.length - 1]; }
  get top() { return this.peek(); }
}
var s = new Stack();
s.push(1, 2, 3);
print(s.length, s.peek(), s.top, Array.isArray(s), s instanceof Stack, s instanceof Array);
// expect: 3 3 3 true true true
s.length = 1;
print(s.length, s.peek(), JSON.stringify(s));  // expect: 1 1 [1]
s[5] = 'x';
print(s.length);  // expect: 6
var fromCtor = new Stack(3);
print(fromCtor.length, 0 in fromCtor);  // expect: 3 false
var mapped = s.map(function (x) { return x; });
print(mapped instanceof Stack, mapped.length);  // expect: true 6
print(Stack.from([1, 2]) instanceof Stack, Stack.of(7).peek());  // expect: true 7
