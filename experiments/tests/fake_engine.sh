#!/bin/sh
# A minimal fake engine in sh, cheap enough to run under valgrind in tests of
# --metric=instructions: fake_engine.sh BENCH_NAME ITERATIONS
name=$1
n=$2
i=0
while [ "$i" -lt "$n" ]; do
  echo "BENCH $name $i 1.000"
  i=$((i + 1))
done
echo "CHECK $name ok"
