"abc".replace("a", "");
