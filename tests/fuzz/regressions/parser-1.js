// identifiers with Unicode letters ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿşÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ1biers with Unicode lettea\u{62}c2 = abc;
va& xÌ§ = 'Ã©' + 'ğŸ%˜€' + xÌ§;
var ğ’œÌ§ = ' =60biers withğ’œ;
