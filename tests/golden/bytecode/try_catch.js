// try with catch, finally, both, and an optional catch binding; throw
try { a(); } catch (e) { handle(e); }
try { a(); } finally { cleanup(); }
try { a(); } catch (e) { handle(e); } finally { cleanup(); }
try { a(); } catch { ignore(); }
function fail(msg) { throw new Error(msg); }
