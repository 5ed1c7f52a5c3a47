// process.argv: [engine, script, ...args].
// args: first second --third 4
print(process.argv.length, typeof process.argv[0], process.argv[1].endsWith('process_argv.js'));
// expect: 6 string true
print(JSON.stringify(process.argv.slice(2)));  // expect: ["first","second","--third","4"]
print(Array.isArray(process.argv), process.argv.every(function (a) { return typeof a === 'string'; }));
// expect: true true
