// Error constructors: called with or without new, message conversion, options.cause,
// prototype properties, AggregateError.
var types = [Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];
types.forEach(function (T) {
  var withNew = new T('msg'), without = T('msg');
  print(T.name, withNew.name, without instanceof T, String(withNew), T.prototype.name, T.length,
    Object.getPrototypeOf(T) === (T === Error ? Function.prototype : Error));
    // expect: Error Error true Error: msg Error 1 true
    // expect: TypeError TypeError true TypeError: msg TypeError 1 true
    // expect: RangeError RangeError true RangeError: msg RangeError 1 true
    // expect: ReferenceError ReferenceError true ReferenceError: msg ReferenceError 1 true
    // expect: SyntaxError SyntaxError true SyntaxError: msg SyntaxError 1 true
    // expect: EvalError EvalError true EvalError: msg EvalError 1 true
    // expect: URIError URIError true URIError: msg URIError 1 true
});
var ae = new AggregateError([new Error('a'), 'b'], 'several');
print(ae.name, ae.message, ae.errors.length, ae.errors[1], ae instanceof Error, Array.isArray(ae.errors), AggregateError.length);
// expect: AggregateError several 2 b true true 2
var ae2 = new AggregateError(new Set([1, 2]));
print(ae2.errors.join(), JSON.stringify(ae2.message), ae2.hasOwnProperty('message'));
// expect: 1,2 "" false
try { new AggregateError(5); } catch (e) { print(e.name); }  // expect: TypeError
var withCause = new TypeError('outer', { cause: 0 });
print(withCause.cause, 'cause' in new Error('x', { notCause: 1 }), new Error('x', null).hasOwnProperty('cause'));
// expect: 0 false false
var d = Object.getOwnPropertyDescriptor(new Error('m'), 'message');
print(d.writable, d.enumerable, d.configurable);  // expect: true false true
d = Object.getOwnPropertyDescriptor(new Error('m', { cause: 1 }), 'cause');
print(d.writable, d.enumerable, d.configurable);  // expect: true false true
print(Error.prototype.message === '', Error.prototype.hasOwnProperty('name'), TypeError.prototype.hasOwnProperty('message'));
// expect: true true true
print(Error.prototype.toString.call({ message: 'only msg' }), Error.prototype.toString.call({}));
// expect: Error: only msg Error
try { Error.prototype.toString.call(1); } catch (e) { print(e.name); }  // expect: TypeError
// Subclass prototype chain for built-in errors.
print(Object.getPrototypeOf(TypeError.prototype) === Error.prototype, new RangeError() instanceof Error, new RangeError().message === '');
// expect: true true true
