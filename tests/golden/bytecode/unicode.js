// identifiers with Unicode letters and escapes; columns count UTF-16 units
var café = 1;
var π = Math.PI;
var \u0061bc = café + π;
var a\u{62}c2 = abc;
var x̧ = 'é' + '😀' + x̧;
var 𝒜 = 0, after = 𝒜;
