// expect: SyntaxError: Missing initializer in const declaration @2:12
for (const i; i < 3; ) {}
