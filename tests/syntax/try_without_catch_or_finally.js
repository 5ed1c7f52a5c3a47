// expect: SyntaxError: Missing catch or finally after try @5:1
try {
  risky();
}
ok();
