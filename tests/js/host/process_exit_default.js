// process.exit() without an argument exits with status 0, also after an uncaught-free run.
print('exiting');
process.exit();
// expect: exiting
