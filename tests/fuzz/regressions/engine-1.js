globalThis.x = 1;
delete globalThis.x;
