#!/usr/bin/env node
// A #! line at the very start of a file is a comment.
print('after the hashbang line');  // expect: after the hashbang line
var x = 1; // a line comment
/* a block comment */ x += 1;
/**
 * A multi-line block comment with * and / inside: a / b * c
 */
x /* inline */ += /* between */ 1;
print(x);  // expect: 3
print(1 /* comment */ + /* another */ 2);  // expect: 3
var s = '// not a comment' + "/* not a comment */";
print(s);  // expect: // not a comment/* not a comment */
print(5 / 2 / 1, 10 /2/ 5);  // expect: 2.5 1
