/* 清单页的勾选记忆：勾选状态存在浏览器本地（localStorage），联网和离线包都能用。
 *
 * 键 = "工作规程手册:清单:" + 规程（领域/编号），值 = 已勾选步骤编号的列表。
 * 按步骤的稳定编号（data-step）记忆，调整步骤顺序不会把勾选挪到别的步骤上。
 */
(function () {
  "use strict";

  var PREFIX = "工作规程手册:清单:";

  function storageKey(list) {
    return PREFIX + list.getAttribute("data-procedure");
  }

  function load(list) {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey(list))) || [];
    } catch (error) {
      return [];  // 存储不可用（隐私模式等）时照常可勾选，只是不记忆
    }
  }

  function save(list, done) {
    try {
      window.localStorage.setItem(storageKey(list), JSON.stringify(done));
    } catch (error) {
      /* 同上：不可用时静默放弃记忆 */
    }
  }

  function stepsOf(list) {
    return Array.prototype.slice.call(list.querySelectorAll("li[data-step]"));
  }

  function boxOf(step) {
    return step.querySelector("input[type=checkbox]");
  }

  function checkedSteps(list) {
    return stepsOf(list)
      .filter(function (step) { return boxOf(step).checked; })
      .map(function (step) { return step.getAttribute("data-step"); });
  }

  function render(list, status) {
    var steps = stepsOf(list);
    var done = checkedSteps(list).length;
    status.textContent = "已完成 " + done + "/" + steps.length;
    steps.forEach(function (step) {
      step.classList.toggle("checklist__step--done", boxOf(step).checked);
    });
  }

  function button(label, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "md-button checklist__button " + className;
    element.textContent = label;
    return element;
  }

  function setUp(list) {
    if (list.getAttribute("data-ready")) return;
    list.setAttribute("data-ready", "1");

    var saved = load(list);
    stepsOf(list).forEach(function (step) {
      boxOf(step).checked = saved.indexOf(step.getAttribute("data-step")) !== -1;
    });

    var toolbar = document.createElement("div");
    toolbar.className = "checklist__toolbar";
    var status = document.createElement("p");
    status.className = "checklist__progress";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var reset = button("清空勾选", "checklist__reset");
    var print = button("打印清单", "checklist__print");
    toolbar.appendChild(status);
    toolbar.appendChild(reset);
    toolbar.appendChild(print);
    list.parentNode.insertBefore(toolbar, list);

    list.addEventListener("change", function () {
      save(list, checkedSteps(list));
      render(list, status);
    });
    reset.addEventListener("click", function () {
      if (!window.confirm("确定清空本清单的全部勾选吗？此操作不能撤销。")) return;
      stepsOf(list).forEach(function (step) { boxOf(step).checked = false; });
      save(list, []);
      render(list, status);
      boxOf(stepsOf(list)[0]).focus();
    });
    print.addEventListener("click", function () { window.print(); });
    render(list, status);
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("ol.checklist[data-procedure]"), setUp);
  }

  // Material 开启“即时导航”时页面不整页刷新，要订阅它的 document$；否则等页面加载完。
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
