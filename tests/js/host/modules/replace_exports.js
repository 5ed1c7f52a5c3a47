// module.exports replaced by a function with properties.
function greet(name) { return 'hello ' + name; }
greet.version = '1.0';
module.exports = greet;
