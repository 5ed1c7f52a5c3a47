// expect: SyntaxError: Unexpected token '<' @4:1
// node-accepts: HTML-like comments are valid in scripts (Annex B); Strata rejects them
x = 1;
<!-- html comment
