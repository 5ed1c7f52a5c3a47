// sloppy-mode function declarations in if and after labels; block functions may repeat
if (a) function f() {}
if (a) function g() {} else function h() {}
label: function k() {}
{
  function twice() { return 1; }
  function twice() { return 2; }
}
