// Allocation-heavy binary trees (the classic benchmark, small depth): build, check, discard.
function TreeNode(left, right) { this.left = left; this.right = right; }
function bottomUp(depth) { return depth > 0 ? new TreeNode(bottomUp(depth - 1), bottomUp(depth - 1)) : new TreeNode(null, null); }
function check(t) { return t.left === null ? 1 : 1 + check(t.left) + check(t.right); }
var maxDepth = 10;
var longLived = bottomUp(maxDepth);
for (var d = 4; d <= maxDepth; d += 2) {
  var iterations = 1 << (maxDepth - d + 4);
  var c = 0;
  for (var i = 0; i < iterations; i++) c += check(bottomUp(d));
  print(iterations + ' trees of depth ' + d + ' check: ' + c);
  // expect: 1024 trees of depth 4 check: 31744
  // expect: 256 trees of depth 6 check: 32512
  // expect: 64 trees of depth 8 check: 32704
  // expect: 16 trees of depth 10 check: 32752
}
print('long lived tree of depth ' + maxDepth + ' check: ' + check(longLived));
// expect: long lived tree of depth 10 check: 2047
