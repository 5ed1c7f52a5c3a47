// expect: SyntaxError: Invalid or unexpected token @3:1
var x;
#!/usr/bin/env node
