// Seed: /work/shared/seeds/004_7aeb3c6e332b10b2.txt, section "Garbage Collection", "The
// Reachability Principle". The article's comment shows 'data' in quotes; console.log prints
// data. Its second half needs a browser DOM (document.createElement) and is left out; the
// closure that keeps largeData alive is kept, without the event listener.
// ✅ Object becomes unreachable → eligible for GC
function createData() {
  let bigArray = new Array(1000).fill('data'); // allocated on heap
  return bigArray[0]; // only returning first element
  // bigArray itself has no external reference after function returns
  // → GC will collect it
}
console.log(createData()); // 'data'
// expect: data
const largeData = new Array(10000).fill('important');
function handleClick() {
  // This closure captures 'largeData'
  console.log(largeData[0]);  // expect: important
}
handleClick();
// Many unreachable arrays later, the captured one is intact.
for (let i = 0; i < 200; i++) createData();
console.log(largeData.length, largeData[9999]);  // expect: 10000 important
console.log('Reachability demonstrated');  // expect: Reachability demonstrated
