// process.stdout.write writes exactly the string given, no newline added.
process.stdout.write('a');
process.stdout.write('b');
process.stdout.write('c\n');
process.stdout.write('line two\nline three\n');
process.stdout.write('');
print('print after write');
process.stdout.write('partial ');
console.log('then console.log');
process.stdout.write(String(42) + '\n');
// expect: abc
// expect: line two
// expect: line three
// expect: print after write
// expect: partial then console.log
// expect: 42
