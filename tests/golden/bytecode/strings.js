// every string escape, both quotes, line continuations and raw U+2028
var s = ['single', "double", 'it\'s', "say \"hi\"",
  '\n\t\r\b\f\v\0', '\x41\x42', '\u0041\u00e9', '\u{1F600}', '\u{10FFFF}',
  'line\
continuation', '\101\7', '\8\9', '\q\$', 'raw separator: ', 'caf\u00e9', '\uD800'];
