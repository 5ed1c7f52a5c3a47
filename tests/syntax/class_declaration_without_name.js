// expect: SyntaxError: Unexpected token '{' @2:7
class {}
