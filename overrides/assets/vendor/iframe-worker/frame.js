/* iframe-worker 的 iframe 工作环境：原来由 shim.js 以内联脚本写入 iframe，内容相同（MIT 许可，见 LICENSE）。
   内容安全策略不允许内联脚本，改为这个文件；要模拟的 Worker 脚本的地址在 data-worker 上。 */
(function () {
  var url = document.currentScript.getAttribute("data-worker");
  postMessage = function (s, n) { parent.postMessage(s, n || "*"); };
  importScripts = function () {
    return Array.prototype.slice.call(arguments).reduce(function (n, e) {
      return n.then(function () {
        return new Promise(function (r) {
          var t = document.createElement("script");
          t.src = e; t.onload = r; document.body.appendChild(t);
        });
      });
    }, Promise.resolve());
  };
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: url, error: event.error }));
  });
})();
