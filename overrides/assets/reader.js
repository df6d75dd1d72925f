/* 读者导航和手机阅读：学习路径条、“从这里开始”页上的练习进度、手机上把多列表格排成卡片。
 *
 * 学习路径：从“从这里开始”进来的链接带 ?lujing=路径序号，本页有这条路径的路径条（构建时生成，默认隐藏）
 * 就显示出来；序号记在本次会话里（sessionStorage），从说明页点“打开清单”等链接过去时路径条仍在。
 * 练习进度读清单页的勾选记录（checklist.js 的 localStorage 键），只读不写。
 */
(function () {
  "use strict";

  var PATH_KEY = "工作规程手册:学习路径";
  var TICKS_PREFIX = "工作规程手册:清单:";
  var CARD_COLUMNS = 3;  // 三列及以上的表格在窄屏上排成卡片（样式见 manual.css）

  function currentPath() {
    var match = /[?&]lujing=(\d+)/.exec(window.location.search);
    try {
      if (match) {
        window.sessionStorage.setItem(PATH_KEY, match[1]);
        return match[1];
      }
      return window.sessionStorage.getItem(PATH_KEY);
    } catch (error) {
      return match ? match[1] : null;  // 存储不可用时只认网址
    }
  }

  function showPathBar() {
    var number = currentPath();
    if (!number) return;
    Array.prototype.forEach.call(document.querySelectorAll("nav.path-bar[data-path]"), function (bar) {
      if (bar.getAttribute("data-path") === number) bar.hidden = false;
    });
  }

  function ticked(procedure) {
    try {
      var done = JSON.parse(window.localStorage.getItem(TICKS_PREFIX + procedure));
      return Array.isArray(done) ? done.length : 0;
    } catch (error) {
      return 0;
    }
  }

  function showPractice() {
    Array.prototype.forEach.call(document.querySelectorAll(".path-practice[data-procedure]"), function (mark) {
      var total = parseInt(mark.getAttribute("data-steps"), 10) || 0;
      var done = Math.min(ticked(mark.getAttribute("data-procedure")), total);
      mark.classList.toggle("path-practice--done", total > 0 && done === total);
      mark.textContent = !done ? "" : done === total ? "✓ 已练习：" + total + " 步都勾过" : "已勾选 " + done + "/" + total + " 步";
    });
  }

  function stackTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table"), function (table) {
      var heads = table.querySelectorAll("thead th");
      // 用属性而不用 class：Material 的表格样式只作用于 table:not([class])
      if (heads.length < CARD_COLUMNS || table.hasAttribute("data-cards")) return;
      table.setAttribute("data-cards", "");
      Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (heads[i]) cell.setAttribute("data-label", heads[i].textContent.trim());
        });
      });
    });
  }

  function setUpAll() {
    showPathBar();
    showPractice();
    stackTables();
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
