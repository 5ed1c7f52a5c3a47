// keywords as property names, contextual keywords as identifiers
var o = { if: 1, class: 2, new: 3, typeof: 4, let: 5, static: 6, await: 7, yield: 8 };
o.if = o.class + o.new;
var let = 1, static = 2, async = 3, of = 4, get = 5, set = 6, target = 7;
async = let + static + of;
for (of of []) {}
