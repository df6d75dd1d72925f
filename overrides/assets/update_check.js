/* 离线包检查更新：页脚的 .manual-version 带有 data-latest-url 时（只有离线包有，见 overrides/partials/copyright.html），
   取一次发布站点上的 download/latest.json；版本不同、日期不早于本包时，在正文上方显示
   “有更新的版本：…，请下载”。没有网络、超时、响应不对时什么也不做，手册照常使用。
   latest.json 的内容只当作文字显示；下载链接由本包自己的地址得出，不取自 latest.json。 */
(function () {
  "use strict";
  var footer = document.querySelector(".manual-version[data-latest-url]");
  if (!footer || !window.fetch) return;
  var url = footer.getAttribute("data-latest-url");
  var mine = footer.getAttribute("data-version");
  var myDate = footer.getAttribute("data-date");
  var controller = window.AbortController ? new AbortController() : null;
  var timer = controller ? setTimeout(function () { controller.abort(); }, 8000) : null;

  function show(latest) {
    var article = document.querySelector(".md-content__inner");
    if (!article || document.querySelector(".manual-update")) return;
    var box = document.createElement("div");
    box.className = "admonition info manual-update";
    box.setAttribute("role", "status");
    var text = document.createElement("p");
    text.appendChild(document.createTextNode("有更新的版本：" + latest.version + "（" + latest.date + "），"));
    var link = document.createElement("a");
    link.href = new URL("latest.zip", url).href;
    link.textContent = "请下载";
    text.appendChild(link);
    text.appendChild(document.createTextNode("。本机的版本是 " + mine + "。"));
    box.appendChild(text);
    article.insertBefore(box, article.firstChild);
  }

  fetch(url, { cache: "no-store", credentials: "omit", signal: controller ? controller.signal : undefined })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (latest) {
      if (!latest || typeof latest.version !== "string" || typeof latest.date !== "string") return;
      if (latest.version !== mine && latest.date >= myDate) show(latest);
    })
    .catch(function () { /* 没有网络：什么也不做 */ })
    .then(function () { if (timer) clearTimeout(timer); });
})();
