// A big JSON text with repeated keys parses and round-trips through JSON.stringify.
// (Kept small: under --gc-stress every allocation collects.)
var big = '[' + Array.from({ length: 1000 }, function (_, i) { return '{"id":' + i + ',"name":"n' + i + '","tags":["x","y"]}'; }).join(',') + ']';
var parsed = JSON.parse(big);
print(parsed.length, parsed[999].id, parsed[123].name, JSON.stringify(parsed) === big);
// expect: 1000 999 n123 true
