// for-in and for-of with every kind of head
for (var k in o) {}
for (let k in o) {}
for (const v of list) {}
for (x of list) {}
for (o.p in q) {}
for (const [k, v] of Object.entries(o)) {}
for (let { a, b } of items) {}
for (var x = 0 in {}) {}
for (let in o) {}
