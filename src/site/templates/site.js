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
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("toggle-source");
    if (!button) return;
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      document.querySelectorAll(".seg").forEach(function (s) {
        var img = s.classList.contains("seg-image") ? s.querySelector("img") : null;
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
