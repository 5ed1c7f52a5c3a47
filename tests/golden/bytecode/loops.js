// for, while and do-while; empty and comma expressions in heads
for (var i = 0; i < 10; i++) sum += i;
for (let j = 0, k = 10; j < k; j++, k--) {}
for (;;) { break; }
while (queue.length) process(queue.shift());
do { n--; } while (n > 0)
for (i = 0, n = list.length; i < n; ++i) ;
