// expect: SyntaxError: Unexpected strict mode reserved word @2:7
class let {}
