// binding patterns in declarations, with defaults, holes and rest
var [first, , third = 3, ...others] = list;
let { a, b: renamed, c = 1, d: { e } = {}, ...remaining } = object;
const [{ x }, [y, [z]]] = nested;
let { ['computed' + key]: value } = obj;
