// setInterval repeats until cleared; clearing from inside its own callback stops it; a
// cancelled interval never runs.
var n = 0;
var id = setInterval(function () {
  n++;
  print('tick', n);
  // expect: tick 1
  // expect: tick 2
  // expect: tick 3
  if (n === 3) {
    clearInterval(id);
    setTimeout(function () {
      print('after interval, ticks =', n);  // expect: after interval, ticks = 3
      var withArgs = 0;
      var argId = setInterval(function (label) {
        withArgs++;
        if (withArgs === 2) { clearInterval(argId); print(label, withArgs); }
        // expect: interval arg 2
      }, 1, 'interval arg');
    }, 30);
  }
}, 5);
var never = setInterval(function () { print('never ticks'); }, 1);
clearInterval(never);
var mixed = setInterval(function () { print('cleared by clearTimeout'); }, 1);
clearTimeout(mixed);

