// Sieve of Eratosthenes with a plain array of booleans; prime counts and a checksum.
function sieve(n) {
  var composite = new Array(n + 1).fill(false);
  var primes = [];
  for (var i = 2; i <= n; i++) {
    if (composite[i]) continue;
    primes.push(i);
    for (var j = i * i; j <= n; j += i) composite[j] = true;
  }
  return primes;
}
var p = sieve(100000);
print(p.length, p[0], p[p.length - 1], p.slice(0, 10).join(','));
// expect: 9592 2 99991 2,3,5,7,11,13,17,19,23,29
print(p.reduce(function (a, b) { return (a + b) % 1000000007; }, 0));  // expect: 454396537
print(sieve(1).length, sieve(2).join(), sieve(30).join(' '));
// expect: 0 2 2 3 5 7 11 13 17 19 23 29
