var c = [];
c.length = -1;
