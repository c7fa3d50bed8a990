// Claimtracker desk: small enhancements of the claim form. Everything works
// without this script; with it, the summary counts its characters as you
// type and the claims that resemble the words are looked up while you write.
// On the list of claims, a box ticks every claim of the page at once.
(function () {
  "use strict";
  // The list's "select all on this page" box (hidden until this script
  // shows it) ticks or clears every claim's box; it shows itself ticked
  // when they all are, half ticked when some are.
  document.querySelectorAll("[data-select-all]").forEach(function (wrap) {
    var form = wrap.closest("form");
    var all = wrap.querySelector("input[type=checkbox]");
    if (!form || !all) { return; }
    var picks = function () { return form.querySelectorAll("input[data-pick]"); };
    var sync = function () {
      var n = 0, boxes = picks();
      boxes.forEach(function (b) { if (b.checked) { n++; } });
      all.checked = boxes.length > 0 && n === boxes.length;
      all.indeterminate = n > 0 && n < boxes.length;
    };
    all.addEventListener("change", function () {
      picks().forEach(function (b) { b.checked = all.checked; });
      sync();
    });
    form.addEventListener("change", function (ev) {
      if (ev.target && ev.target.hasAttribute("data-pick")) { sync(); }
    });
    wrap.hidden = false;
    sync();
  });
})();

(function () {
  "use strict";

  // Counts keep the digits the server wrote them in (Arabic-Indic on an
  // Arabic page): the zero of the first digit of the count as served.
  var zeroOf = function (text) {
    var m = /[0-9\u0660-\u0669\u06F0-\u06F9]/.exec(text || "");
    if (!m) { return 48; }
    var c = m[0].charCodeAt(0);
    return c <= 57 ? 48 : c <= 0x669 ? 0x660 : 0x6F0;
  };
  document.querySelectorAll("[data-counter]").forEach(function (input) {
    var out = document.getElementById(input.getAttribute("data-counter"));
    var max = parseInt(input.getAttribute("data-max"), 10);
    if (!out || !max) { return; }
    var zero = zeroOf(out.textContent);
    var num = function (n) {
      return String(n).replace(/[0-9]/g, function (d) { return String.fromCharCode(zero + d.charCodeAt(0) - 48); });
    };
    var update = function () {
      var n = Array.from(input.value).length;
      out.textContent = num(n) + " / " + num(max);
      out.classList.toggle("over", n > max);
    };
    input.addEventListener("input", update);
    update();
  });

  var text = document.getElementById("f-text");
  var live = document.getElementById("similar-live");
  if (!text || !live || !window.fetch) { return; }
  var timer = null;
  var last = text.value.trim();
  var lookUp = function () {
    var words = text.value.trim();
    if (words === last || words.length < 12) { return; }
    last = words;
    var url = "/desk/claims/similar?exclude=" + encodeURIComponent(live.getAttribute("data-exclude") || "0") +
      "&text=" + encodeURIComponent(words.slice(0, 1000));
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(res.status); })
      .then(function (html) {
        if (text.value.trim() !== words) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var list = doc.querySelector("ul.similar");
        live.replaceChildren();
        var aside = live.closest(".similar-aside");
        if (aside) { aside.classList.toggle("has-similar", !!list); }
        if (list) {
          live.appendChild(document.importNode(list, true));
        } else {
          var p = document.createElement("p");
          p.className = "hint";
          p.textContent = live.getAttribute("data-none") || "";
          live.appendChild(p);
        }
      })
      .catch(function () { /* the list stays as it was */ });
  };
  text.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 400);
  });
})();
