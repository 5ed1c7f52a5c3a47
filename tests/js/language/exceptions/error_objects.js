// Error objects: message, name, stack, cause, toString, own vs inherited properties.
var e = new Error('something failed');
print(e.message, e.name, String(e), e.toString(), e instanceof Error);
// expect: something failed Error Error: something failed Error: something failed true
print(typeof e.stack, e.stack.length > 0, e.hasOwnProperty('message'), e.hasOwnProperty('name'));
// expect: string true true false
print(Object.keys(e).length, JSON.stringify(e));  // expect: 0 {}
var empty = new Error();
print(JSON.stringify(empty.message), String(empty), empty.hasOwnProperty('message'));
// expect: "" Error false
var undef = new Error(undefined);
print(undef.hasOwnProperty('message'), String(undef));  // expect: false Error
print(new Error(42).message, typeof new Error(42).message, new Error({ toString() { return 'obj msg'; } }).message);
// expect: 42 string obj msg
// cause: only with an options object that has a cause property.
var withCause = new Error('outer', { cause: 'the cause' });
print(withCause.cause, withCause.hasOwnProperty('cause'), Object.keys(withCause).length);
// expect: the cause true 0
var inner = new TypeError('inner');
var chained = new RangeError('chained', { cause: inner });
print(chained.cause === inner, chained.cause.message, 'cause' in new Error('x', {}), 'cause' in new Error('x', { cause: undefined }));
// expect: true inner false true
// toString with modified name/message.
var custom = new Error('msg');
custom.name = 'Custom';
print(String(custom));  // expect: Custom: msg
custom.message = '';
print(String(custom));  // expect: Custom
custom.name = '';
custom.message = 'only message';
print(String(custom));  // expect: only message
print(Error.prototype.toString.call({ name: 'Fake', message: 'object' }), Error.prototype.name, Error.prototype.message === '');
// expect: Fake: object Error true
// Throwing and catching non-Error values.
var values = [42, 'string', null, undefined, { obj: true }, [1, 2], true];
print(values.map(function (v) { try { throw v; } catch (x) { return x === v; } }).join());
// expect: true,true,true,true,true,true,true
// The stack mentions the function where the error was created.
function namedThrower() { return new Error('from named'); }
print(namedThrower().stack.indexOf('namedThrower') >= 0);  // expect: true
// Error properties are writable.
var w = new TypeError('w');
w.extra = 'added';
w.message = 'changed';
print(w.message, w.extra, String(w));  // expect: changed added TypeError: changed
// Error.prototype.toString is not enumerable.
print(Object.getOwnPropertyDescriptor(Error.prototype, 'toString').enumerable);  // expect: false
