// array literals with holes, trailing commas and spread
var empty = [];
var holes = [, 1, , 2, , ];
var trailing = [1, 2, 3,];
var spread = [0, ...holes, ...[4, 5]];
var nested = [[1, 2], [3, [4]]];
