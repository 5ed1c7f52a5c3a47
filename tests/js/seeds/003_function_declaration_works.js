// Seed: /work/shared/seeds/003_64708d569132a147.txt, section "Hidden trap: function expression
// vs declaration": the declaration form works (the article shows no output; the call is
// checked by its return value).
console.log(sayHi()); // works
// expect: declaration hoisted
function sayHi() { return 'declaration hoisted'; }
