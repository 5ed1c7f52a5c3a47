// Seed: /work/shared/seeds/000_4e4f9a65f3b4f9e4.txt, section "The Pipeline: From Characters to
// Execution": `const total = price + tax;` traced through lexing, parsing and bytecode. The
// article shows no output; the statement is run with values for price and tax.
const price = 19.99;
const tax = 1.6;
const total = price + tax;
console.log(total, typeof total);  // expect: 21.59 number
