// kalinovsky-nlp HTML report: the words of a chart point on hover and keyboard focus, folded texts opened when a
// link leads into them, and every text unfolded for printing. Text is set with textContent only.
(function () {
  "use strict";
  var tip = document.createElement("div");
  tip.className = "kn-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);

  function point(event) {
    var el = event.target;
    return el && el.closest ? el.closest(".kn-point") : null;
  }
  function show(event) {
    var el = point(event);
    if (!el) { return; }
    var box = el.getBoundingClientRect();
    tip.textContent = el.getAttribute("data-tip");
    tip.style.left = (window.scrollX + box.left + box.width / 2) + "px";
    tip.style.top = (window.scrollY + box.top - 6) + "px";
    tip.hidden = false;
  }
  function hide(event) {
    if (point(event)) { tip.hidden = true; }
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  document.addEventListener("mouseout", hide);
  document.addEventListener("focusout", hide);

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    for (var node = el; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    if (el && el.scrollIntoView) { el.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  var folded = [];
  window.addEventListener("beforeprint", function () {
    folded = Array.prototype.filter.call(document.querySelectorAll("details.kn-document"), function (d) { return !d.open; });
    folded.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    folded.forEach(function (d) { d.open = false; });
    folded = [];
  });
}());
