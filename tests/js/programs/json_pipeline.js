// A data pipeline: parse JSON records, group, aggregate, sort, and serialize a report.
var input = JSON.stringify([
  { dept: 'eng', name: 'ann', salary: 120, start: 2015 },
  { dept: 'eng', name: 'bob', salary: 100, start: 2018 },
  { dept: 'ops', name: 'cid', salary: 80, start: 2012 },
  { dept: 'eng', name: 'dee', salary: 140, start: 2011 },
  { dept: 'ops', name: 'eve', salary: 95, start: 2020 },
  { dept: 'hr', name: 'fay', salary: 70, start: 2019 },
]);
var rows = JSON.parse(input);
var byDept = rows.reduce(function (acc, r) { (acc[r.dept] = acc[r.dept] || []).push(r); return acc; }, {});
var report = Object.keys(byDept).sort().map(function (d) {
  var list = byDept[d];
  var total = list.reduce(function (s, r) { return s + r.salary; }, 0);
  return { dept: d, count: list.length, avg: Math.round(total / list.length * 100) / 100, senior: list.slice().sort(function (a, b) { return a.start - b.start; })[0].name };
});
print(JSON.stringify(report));
// expect: [{"dept":"eng","count":3,"avg":120,"senior":"dee"},{"dept":"hr","count":1,"avg":70,"senior":"fay"},{"dept":"ops","count":2,"avg":87.5,"senior":"cid"}]
print(JSON.stringify(report, null, 1).split('\n').length);  // expect: 20
var m = new Map(rows.map(function (r) { return [r.name, r]; }));
print(m.get('dee').salary, [...m.keys()].filter(function (n) { return m.get(n).salary > 90; }).join());
// expect: 140 ann,bob,dee,eve
