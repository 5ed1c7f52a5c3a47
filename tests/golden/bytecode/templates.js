// template literals: cooked and raw parts, nested substitutions
var name = 'world';
var plain = `no substitutions`;
var greeting = `hello ${name}!`;
var many = `${1}${2} and ${3}`;
var nested = `outer ${`inner ${name}`} end`;
var escapes = `tab\tnew\nline \u{41} \x42 \``;
var multiline = `line one
line two`;
