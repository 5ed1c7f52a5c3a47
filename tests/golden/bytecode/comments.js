#!/usr/bin/env node
// a hashbang line, line and block comments, and comments carrying newlines for ASI
/* a block comment */ var a = 1; // trailing
var b = /* inline */ 2;
/**
 * a doc comment
 */
function f() {}
a /* no newline here */ + b
a /* a newline
in here */ b
