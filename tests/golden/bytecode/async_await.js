// async functions, methods and await
async function load(url) {
  const response = await fetch(url);
  return await response.json();
}
var loader = async function () { await 0; };
var o = { async get(k) { return await this.fetch(k); } };
class Store { async save(item) { await this.db.put(item); } }
function notAsync() { var await = 1; return await; }
