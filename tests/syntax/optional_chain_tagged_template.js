// expect: SyntaxError: Invalid tagged template on optional chain @2:8
obj?.fn`text`;
