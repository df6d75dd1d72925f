/* 搜索框的两处补充（Material 的搜索本身不改）：
 *
 * 1. 粘贴后立即搜索：Material 只在按键抬起（keyup）时读取搜索框，用鼠标粘贴、拖入文字时不搜索。
 *    这里在每次输入（input 事件，输入法组字过程中除外）和输入法上屏后补发一个 keyup，Material 照常读取；
 *    内容没变时它自己会忽略重复的读取。
 * 2. 搜不到时给建议：结果为空时在结果区显示与查询有相同字的术语（链接到术语表）和各领域的概述。
 *    建议的数据（search/suggest.js，构建时由 scripts/search_index.py 生成）第一次需要时才加载；
 *    用脚本而不是 JSON，离线包从 file:// 打开时也能加载。
 */
(function () {
  "use strict";

  var MAX_TERMS = 6;

  /* Material 写在页面里的配置（数据块）：站点根目录的相对地址、界面文字。 */
  function pageConfig() {
    try {
      return JSON.parse(document.getElementById("__config").textContent) || {};
    } catch (error) {
      return {};
    }
  }

  function siteBase() {
    var base = pageConfig().base || ".";
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function loadSuggestions(done) {
    if (window.__searchSuggestions) {
      done(window.__searchSuggestions);
      return;
    }
    var script = document.createElement("script");
    script.src = new URL("search/suggest.js", siteBase()).href;
    script.onload = function () { done(window.__searchSuggestions); };
    document.head.appendChild(script);
  }

  /* 与查询有几个相同的汉字（术语名和别称合起来算），多的排前面。 */
  function matchingTerms(query, terms) {
    var chars = {};
    query.replace(/[\u3400-\u9fff]/g, function (c) { chars[c] = true; return c; });
    var scored = [];
    terms.forEach(function (term, order) {
      var words = [term[0]].concat(term[1]).join("");
      var seen = {};
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var c = words.charAt(i);
        if (chars[c] && !seen[c]) { seen[c] = true; score += 1; }
      }
      if (score > 0) scored.push({ term: term, score: score, order: order });
    });
    scored.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return scored.slice(0, MAX_TERMS).map(function (item) { return item.term; });
  }

  function link(text, url, base) {
    var a = document.createElement("a");
    a.href = new URL(url, base).href;
    a.textContent = text;
    return a;
  }

  function list(label, items) {
    var p = document.createElement("p");
    p.className = "search-suggest__line";
    p.appendChild(document.createTextNode(label));
    items.forEach(function (item, i) {
      if (i > 0) p.appendChild(document.createTextNode("、"));
      p.appendChild(item);
    });
    return p;
  }

  function render(box, query, data) {
    var base = siteBase();
    box.textContent = "";
    var terms = matchingTerms(query, data.terms);
    if (terms.length) {
      box.appendChild(list("试试手册里的说法：", terms.map(function (t) {
        return link(t[1].length ? t[0] + "（" + t[1].join("、") + "）" : t[0], t[2], base);
      })));
    }
    box.appendChild(list("或者从领域概述找起：", data.domains.map(function (d) { return link(d[0], d[1], base); })));
    box.appendChild(list("所有术语和别称见", [link("术语表", data.glossary, base)]));
  }

  function init() {
    var input = document.querySelector(".md-search__input");
    var result = document.querySelector(".md-search-result");
    if (!input || !result) return;
    var meta = result.querySelector(".md-search-result__meta");
    var none = ((pageConfig().translations || {})["search.result.none"] || "").trim();

    function read() {
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
    input.addEventListener("input", function (event) {
      if (!event.isComposing) read();
    });
    input.addEventListener("compositionend", read);  // 有的输入法（手机上）上屏后没有按键抬起

    var box = document.createElement("div");
    box.className = "search-suggest";
    box.hidden = true;
    result.appendChild(box);

    function update() {
      var query = input.value.trim();
      var empty = query !== "" && none !== "" && meta.textContent.trim() === none;
      if (!empty) {
        box.hidden = true;
        return;
      }
      loadSuggestions(function (data) {
        if (!data || input.value.trim() !== query) return;
        render(box, query, data);
        box.hidden = false;
      });
    }

    new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
