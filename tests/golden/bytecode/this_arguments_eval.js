// the USES_* and eval flags, seen through arrows
function usesThis() { return this.x; }
function usesArguments() { return arguments.length; }
function arrowSeesThis() { return () => this; }
function arrowSeesArguments() { return () => arguments[0]; }
function usesNewTarget() { return new.target; }
function callsEval(code) { return eval(code); }
function indirectEval(code) { return (0, eval)(code); }
function outer() { function inner() { eval('1'); } }
var top = this;
