// ?. short-circuits the whole chain; parentheses end it
r = a?.b;
r = a?.b.c.d;
r = a?.[0]?.[1];
r = a?.method(1);
r = a.method?.(2);
r = (a?.b).c;
r = a?.b?.c?.();
r = a ? .5 : 1;
