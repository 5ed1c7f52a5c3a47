// expect: SyntaxError: Unexpected identifier 'fetch' @3:18
// node-accepts: node detects top-level await and checks the file as an ES module
var data = await fetch(url);
