// expect: SyntaxError: Unexpected reserved word @2:16
var f = async (await) => 1;
