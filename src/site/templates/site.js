// Side by side: the English source of a segment on hover and keyboard focus, and a toggle
// that shows the English text in place of the translation.
(function () {
  "use strict";
  function seg(node) {
    return node && node.closest ? node.closest(".seg") : null;
  }
  function tip() {
    return document.getElementById("seg-tip");
  }
  function show(el) {
    var t = tip();
    if (!t || !el) return;
    t.textContent = el.getAttribute("data-source");
    t.hidden = false;
    var r = el.getBoundingClientRect();
    t.style.left = Math.max(0, r.left + window.scrollX) + "px";
    t.style.top = r.bottom + window.scrollY + 6 + "px";
    el.setAttribute("aria-describedby", "seg-tip");
  }
  function hide(el) {
    var t = tip();
    if (t) t.hidden = true;
    if (el) el.removeAttribute("aria-describedby");
  }
  document.addEventListener("mouseover", function (e) { var s = seg(e.target); if (s) show(s); });
  document.addEventListener("mouseout", function (e) { var s = seg(e.target); if (s && !s.contains(e.relatedTarget)) hide(s); });
  document.addEventListener("focusin", function (e) { var s = seg(e.target); if (s) show(s); });
  document.addEventListener("focusout", function (e) { var s = seg(e.target); if (s) hide(s); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(seg(document.activeElement)); });
  // DocFX tabs: each group shows one tab, picked from a tab list made of the titles;
  // picking a tab picks the tab of the same id in the page's other groups too.
  function pickTab(id) {
    document.querySelectorAll(".tabs").forEach(function (group) {
      var panels = group.querySelectorAll(":scope > .tab");
      var has = Array.prototype.some.call(panels, function (p) { return p.getAttribute("data-tab") === id; });
      if (!has) return;
      panels.forEach(function (p, i) {
        var on = p.getAttribute("data-tab") === id;
        p.hidden = !on;
        var tab = group.querySelectorAll(":scope > .tab-list > button")[i];
        if (tab) tab.setAttribute("aria-selected", on ? "true" : "false");
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".tabs").forEach(function (group) {
      var panels = group.querySelectorAll(":scope > .tab");
      var list = document.createElement("div");
      list.className = "tab-list";
      list.setAttribute("role", "tablist");
      panels.forEach(function (panel, i) {
        var title = panel.querySelector(":scope > .tab-title");
        var tab = document.createElement("button");
        tab.type = "button";
        tab.setAttribute("role", "tab");
        // The title moves into the tab, its segment (and hover) with it.
        while (title && title.firstChild) tab.appendChild(title.firstChild);
        if (title) title.hidden = true;
        tab.addEventListener("click", function () { pickTab(panel.getAttribute("data-tab")); });
        list.appendChild(tab);
        panel.setAttribute("role", "tabpanel");
        panel.hidden = i > 0;
        tab.setAttribute("aria-selected", i === 0 ? "true" : "false");
      });
      group.insertBefore(list, group.firstChild);
    });
  });
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("toggle-source");
    if (!button) return;
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      document.querySelectorAll(".seg").forEach(function (s) {
        // A segment that is its image's alt text, or only an image: swap the alt text.
        var only = s.querySelector("img") && !s.textContent.trim();
        var img = s.classList.contains("seg-image") || only ? s.querySelector("img") : null;
        if (img) {
          // The segment is the image's alt text: swap that, keep the image.
          if (on) {
            s.__translation = img.getAttribute("alt");
            img.setAttribute("alt", s.getAttribute("data-source"));
          } else if (s.__translation !== undefined) {
            img.setAttribute("alt", s.__translation);
          }
        } else if (on) {
          s.__translation = s.innerHTML;
          s.textContent = s.getAttribute("data-source");
          s.setAttribute("lang", "en");
          s.setAttribute("dir", "ltr");
        } else if (s.__translation !== undefined) {
          s.innerHTML = s.__translation;
          s.removeAttribute("lang");
          s.removeAttribute("dir");
        }
      });
      document.body.classList.toggle("show-source", on);
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = button.getAttribute(on ? "data-hide" : "data-show");
    });
  });
})();
