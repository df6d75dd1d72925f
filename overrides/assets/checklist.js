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
    var blank = button("打印空白表", "checklist__print-blank");
    var progress = button("打印当前进度", "checklist__print-progress");
    toolbar.appendChild(status);
    toolbar.appendChild(reset);
    list.parentNode.insertBefore(toolbar, list);
    // 打印按钮放在检查要点之后（没有就放在步骤之后）：手机上第一屏留给步骤，做完再打印。
    var printing = document.createElement("div");
    printing.className = "checklist__toolbar checklist__toolbar--print";
    printing.appendChild(blank);
    printing.appendChild(progress);
    var form = list.closest(".checklist-form, .checklist-print");
    var points = form && form.querySelector(".checklist-points");
    var after = points || list;
    after.parentNode.insertBefore(printing, after.nextSibling);

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
    blank.addEventListener("click", function () { printAs("blank"); });
    progress.addEventListener("click", function () { printAs("progress"); });
    render(list, status);
  }

  function chineseDate(day) {
    return day.getFullYear() + "年" + (day.getMonth() + 1) + "月" + day.getDate() + "日";
  }

  /* 打印：blank = 空白表（勾选框一律印成空方框）；progress = 当前进度（勾过的印成已勾，并印出打印日期和进度）。
   * 模式记在 <html data-print> 上，样式见 manual.css；打印对话框关闭（afterprint）后复原。
   * 直接用浏览器的“打印”（不经按钮）时没有这个属性，按空白表印。 */
  function printAs(mode) {
    var today = chineseDate(new Date());
    document.documentElement.setAttribute("data-print", mode);
    Array.prototype.forEach.call(document.querySelectorAll("ol.checklist[data-procedure]"), function (list) {
      var form = list.closest(".checklist-form, .checklist-print");
      var line = form && form.querySelector(".checklist-printed");
      if (!line) return;
      line.textContent = mode === "progress"
        ? "打印日期：" + today + "　打印时的进度：已完成 " + checkedSteps(list).length + "/" + stepsOf(list).length
        : "";
    });
    window.print();
  }

  window.addEventListener("afterprint", function () {
    document.documentElement.removeAttribute("data-print");
  });

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
