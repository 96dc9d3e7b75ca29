// The outside reference: the same hello handler on Node.js's own http server.
const http = require("http");
const port = Number(process.argv[2] || 18099);
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/plain;charset=UTF-8" });
  res.end("Hello, world!");
}).listen(port, "127.0.0.1");
