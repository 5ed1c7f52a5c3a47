// A derived constructor's result is checked by [[Construct]] after the body returned: a
// try/catch in the body cannot catch the TypeError of a bad return value.
class Base {}
class BadReturn extends Base {
  constructor() {
    super();
    try {
      return 0;
    } catch (e) {
      return;
    }
  }
}
try {
  new BadReturn();
  print("no throw");
} catch (e) {
  print(e.constructor.name);
}
// expect: TypeError
