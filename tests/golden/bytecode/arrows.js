// every arrow form
var id = x => x;
var none = () => 0;
var two = (a, b) => a + b;
var block = (a) => { return a; };
var obj = () => ({ value: 1 });
var curried = a => b => a + b;
var defaults = (a = 1, ...rest) => rest;
var pattern = ({ a, b: [c] }) => a + c;
var asyncOne = async x => await x;
var asyncMany = async (a, b) => { await a; return b; };
var nameAsync = async => async;
