// expect: SyntaxError: Tagged templates are not supported @3:13
// node-accepts: tagged templates are valid JavaScript; Strata does not support them
var t = html`<b>${x}</b>`;
