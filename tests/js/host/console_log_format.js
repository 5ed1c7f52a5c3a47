// console.log with a format string: %s %d %i %f %% and extra arguments appended.
console.log('%s is %d years', 'Ann', 30);  // expect: Ann is 30 years
console.log('%i and %f', 42.9, 1.5);  // expect: 42 and 1.5
console.log('100%% sure');  // expect: 100%% sure
console.log('%s', 'only one', 'extra', 1);  // expect: only one extra 1
console.log('%d', '12abc', 'x');  // expect: NaN x
console.log('no specifiers', '%s');  // expect: no specifiers %s
console.log('%s %s', 'one');  // expect: one %s
console.log('%d%%', 50);  // expect: 50%
console.log('%s', -0, 1);  // expect: -0 1
console.log('%i', -3.9);  // expect: -3
console.log(5, '%s', 'not a format because first arg is not a string');
// expect: 5 %s not a format because first arg is not a string
