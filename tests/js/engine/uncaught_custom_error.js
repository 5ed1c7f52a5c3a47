// engine-only: the exact report format of an uncaught exception is Strata's
// The report uses String(error): a subclass with its own name, and a thrown plain object.
class NotFound extends Error {
  constructor(what) { super(what + ' not found'); this.name = 'NotFound'; }
}
throw new NotFound('file.txt');
// expect-uncaught: NotFound: file.txt not found
