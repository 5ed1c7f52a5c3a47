// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "Hidden trap: function expression
// vs declaration". Output shown: TypeError: sayHi is not a function.
sayHi(); // TypeError: sayHi is not a function
var sayHi = function() {};
// expect-uncaught: TypeError: sayHi is not a function
