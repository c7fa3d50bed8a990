// Claimtracker desk: unsaved drafts of long forms. Everything works without
// this script; with it, a form marked data-draft="KEY" keeps what the user
// typed in the browser's localStorage while it is not saved, brings it back
// after a reload or a crash, and warns before the page is left with changes
// that are not saved.
//
// The layout loads this script for a signed-in user, with these attributes
// on its own <script> element:
//   data-user      the user's id: drafts are kept per user, so that one
//                  user's draft is never restored for another on a shared
//                  computer; signing out forgets the user's drafts;
//   data-zone      the newsroom's time zone (IANA), in which times are shown;
//   data-zero      the interface language's digit zero;
//   data-restored, data-changed, data-restore, data-discard
//                  the notice's words in the reader's language; {time} in a
//                  sentence stands for when the draft was last changed.
//
// A draft is stored under claimtracker:draft:USER:KEY as JSON: v, the
// form's values by field (never hidden, password or file fields, nor one
// marked data-draft-skip); base, the values the server gave when the draft
// began; rev, the form's hidden revision or version; at, when it last
// changed (ms since 1970). A draft older than 30 days is dropped.
//
// On load, a draft that differs from what the form shows is restored when
// the object is as it was when the draft began (same revision, same values
// from the server), with a notice that offers to discard it; when the object
// changed since, the notice offers to restore it instead, and the form
// shows what is saved now.
//
// When the form is sent, its draft moves to sessionStorage (this tab only).
// The server answers a saved form with a redirect to a page whose address
// carries ?done= (the confirmation it shows); on such a page the copy is
// dropped. On any other page (the form again, with errors; an error page)
// the copy goes back to localStorage, so the draft survives a refused save.
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector("script[data-user][data-discard]");
  var user = script && script.getAttribute("data-user");
  if (!user) { return; }
  var store, tab;
  try {
    store = window.localStorage;
    tab = window.sessionStorage;
    store.setItem("claimtracker:probe", "1");
    store.removeItem("claimtracker:probe");
  } catch (e) {
    return; // storage is off or full: the forms work as they do without script
  }

  var PREFIX = "claimtracker:draft:";
  var MINE = PREFIX + user + ":";
  var SENT = "claimtracker:draft-sent:" + user + ":";
  var MAX_AGE = 30 * 24 * 3600 * 1000;
  var DELAY = 400;
  var words = function (name) { return script.getAttribute("data-" + name) || ""; };

  var parse = function (raw) {
    try {
      var d = JSON.parse(raw);
      return d && typeof d === "object" && d.v && typeof d.at === "number" ? d : null;
    } catch (e) {
      return null;
    }
  };
  var put = function (key, value) {
    try { store.setItem(key, value); } catch (e) { /* full: the draft is not kept */ }
  };
  var keys = function (s, prefix) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var k = s.key(i);
      if (k && k.indexOf(prefix) === 0) { out.push(k); }
    }
    return out;
  };

  // Drafts expire, whoever wrote them.
  keys(store, PREFIX).forEach(function (k) {
    var d = parse(store.getItem(k));
    if (!d || !(Date.now() - d.at < MAX_AGE)) { store.removeItem(k); }
  });

  // A form sent from this tab: the page it led to says whether it was saved.
  // back holds the drafts that came back this way, by key.
  var saved = new URLSearchParams(location.search).has("done");
  var back = {};
  var takeSent = function () {
    keys(tab, SENT).forEach(function (k) {
      var raw = tab.getItem(k);
      tab.removeItem(k);
      if (!saved && raw) {
        put(MINE + k.slice(SENT.length), raw);
        back[MINE + k.slice(SENT.length)] = true;
      }
    });
  };
  takeSent();

  // The fields a draft keeps, each under a name: its own, with the value
  // of a checkbox, or a number when a name repeats.
  var KEPT = /^(text|search|url|email|tel|number|date|datetime-local|month|week|time|color|range|checkbox|radio|textarea|select-one|select-multiple)$/;
  var fields = function (form) {
    var seen = {}, out = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !KEPT.test(el.type) || el.disabled || el.hasAttribute("data-draft-skip")) { return; }
      var name = el.name;
      if (el.type === "checkbox") {
        name += "=" + el.value;
      } else if (el.type !== "radio") {
        seen[name] = (seen[name] || 0) + 1;
        if (seen[name] > 1) { name += "#" + seen[name]; }
      }
      out.push({ el: el, name: name });
    });
    return out;
  };
  var read = function (form) {
    var v = {};
    fields(form).forEach(function (f) {
      var el = f.el;
      if (el.type === "radio") {
        if (!(f.name in v)) { v[f.name] = ""; }
        if (el.checked) { v[f.name] = el.value; }
      } else if (el.type === "checkbox") {
        v[f.name] = el.checked ? "1" : "";
      } else if (el.type === "select-multiple") {
        v[f.name] = Array.prototype.map.call(el.selectedOptions, function (o) { return o.value; }).join("\n");
      } else {
        v[f.name] = el.value;
      }
    });
    return v;
  };
  var write = function (form, v) {
    var changed = [];
    fields(form).forEach(function (f) {
      var el = f.el, x = v[f.name];
      if (typeof x !== "string") { return; }
      var before = el.type === "checkbox" || el.type === "radio" ? el.checked : el.value;
      if (el.type === "radio") {
        el.checked = el.value === x;
      } else if (el.type === "checkbox") {
        el.checked = x === "1";
      } else if (el.type === "select-multiple") {
        var all = x.split("\n");
        Array.prototype.forEach.call(el.options, function (o) { o.selected = all.indexOf(o.value) >= 0; });
      } else if (el.tagName === "SELECT") {
        if (Array.prototype.some.call(el.options, function (o) { return o.value === x; })) { el.value = x; }
      } else {
        el.value = x;
      }
      if (before !== (el.type === "checkbox" || el.type === "radio" ? el.checked : el.value)) { changed.push(el); }
    });
    // Scripts that follow a field (the summary's count) see the new value.
    changed.forEach(function (el) { el.dispatchEvent(new Event("input", { bubbles: true })); });
  };
  // differs reports whether a has a value that b shows otherwise.
  var differs = function (a, b) {
    return Object.keys(a).some(function (k) { return k in b && a[k] !== b[k]; });
  };
  var same = function (a, b) {
    var ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every(function (k) { return k in b && a[k] === b[k]; });
  };
  // revisionOf is what the form says of the object's revision: its hidden
  // revision and version fields (see the desk's stale-write check).
  var revisionOf = function (form) {
    return Array.prototype.filter.call(form.querySelectorAll("input[type=hidden]"), function (el) {
      return el.name === "revision" || el.name === "version";
    }).map(function (el) { return el.name + "=" + el.value; }).join("&");
  };

  // when writes a moment as the page writes times: the time of day in the
  // newsroom's zone, with the day when it is not today.
  var when = function (at) {
    var lang = (document.documentElement.lang || "en") + "-u-nu-latn";
    var zone = script.getAttribute("data-zone") || undefined;
    var fmt = function (opts, t) {
      try {
        return new Intl.DateTimeFormat(lang, Object.assign({ timeZone: zone }, opts)).format(t);
      } catch (e) {
        return new Intl.DateTimeFormat(lang, opts).format(t);
      }
    };
    var day = { year: "numeric", month: "2-digit", day: "2-digit" };
    var time = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    var s = fmt(day, new Date(at)) === fmt(day, new Date())
      ? fmt(time, new Date(at))
      : fmt(Object.assign({ day: "numeric", month: "short" }, time), new Date(at));
    var zero = (words("zero") || "0").charCodeAt(0);
    return s.replace(/[0-9]/g, function (d) { return String.fromCharCode(zero + d.charCodeAt(0) - 48); });
  };

  // notice shows a sentence with the draft's time and buttons (label,
  // action) before the form, as an alert of kind (info, warn); it returns
  // a function that removes it.
  var notice = function (form, kind, sentence, at, buttons) {
    var box = document.createElement("div");
    box.className = "alert " + kind + " draft-notice";
    box.setAttribute("role", "status");
    form.parentNode.insertBefore(box, form);
    for (var d = form.parentElement; d; d = d.parentElement) {
      if (d.tagName === "DETAILS") { d.open = true; }
    }
    var p = document.createElement("p");
    var parts = sentence.split("{time}");
    p.appendChild(document.createTextNode(parts[0]));
    if (parts.length > 1) {
      var t = document.createElement("time");
      t.dateTime = new Date(at).toISOString();
      t.textContent = when(at);
      p.appendChild(t);
      p.appendChild(document.createTextNode(parts.slice(1).join("{time}")));
    }
    var row = document.createElement("div");
    row.className = "draft-actions";
    buttons.forEach(function (b) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.className = "btn secondary small";
      btn.textContent = b[0];
      btn.addEventListener("click", b[1]);
      row.appendChild(btn);
    });
    // Filled once in the page, so that screen readers announce it.
    setTimeout(function () { box.appendChild(p); box.appendChild(row); }, 0);
    return function () { box.remove(); };
  };

  var focusFirst = function (form) {
    var f = fields(form)[0];
    if (f) { f.el.focus(); }
  };

  var forms = [];
  // sending is set when a form is sent; forget when the user signs out.
  var sending = false;
  var forget = false;
  var armed = false;
  var warn = function (e) {
    e.preventDefault();
    e.returnValue = "";
    return "";
  };
  // guard warns before leaving while a form has changes not saved, and not
  // while a form is being sent.
  var guard = function () {
    var want = !sending && forms.some(function (f) { return f.dirty(); });
    if (want !== armed) {
      (want ? window.addEventListener : window.removeEventListener)("beforeunload", warn);
      armed = want;
    }
  };

  var track = function (form) {
    var key = MINE + form.getAttribute("data-draft");
    var action = new URL(form.getAttribute("action") || location.href, location.href).pathname;
    var shown = read(form); // what the server gave
    var base = shown; // what the draft is compared with
    var rev = revisionOf(form);
    var last = "";
    var timer = null;
    var d = parse(store.getItem(key));

    var dirty = function () { return !same(read(form), base); };
    // save keeps what the form shows as the draft, or, when it is what
    // the server gave, drops the draft this page kept (one offered by the
    // notice stays until it is restored or discarded).
    var save = function () {
      clearTimeout(timer);
      if (forget) { return; }
      var v = read(form);
      if (same(v, base)) {
        if (last) { store.removeItem(key); }
        last = "";
        return;
      }
      var vs = JSON.stringify(v);
      if (vs === last) { return; }
      last = vs;
      put(key, JSON.stringify({ v: v, base: base, rev: rev, at: Date.now() }));
    };
    // restore puts the draft's values in the form and keeps them as a
    // draft of what the form showed, with the notice that can discard them.
    var restore = function (draft) {
      write(form, draft.v);
      var v = read(form);
      last = JSON.stringify(v);
      put(key, JSON.stringify({ v: v, base: base, rev: rev, at: draft.at }));
      guard();
      var close = notice(form, "info", words("restored"), draft.at, [[words("discard"), function () {
        close();
        write(form, shown);
        store.removeItem(key);
        last = "";
        guard();
        focusFirst(form);
      }]]);
    };

    if (d && back[key] && location.pathname === action) {
      // The server answered the sent form with the form again (errors, or
      // a stale revision): it shows what was typed; the draft stays, and
      // so do its beginnings.
      base = d.base || shown;
      rev = d.rev;
      last = JSON.stringify(d.v);
    } else if (d && !differs(d.v, shown)) {
      store.removeItem(key); // nothing in it that the form does not show
    } else if (d && d.rev === rev && d.base && same(d.base, shown)) {
      restore(d);
    } else if (d) {
      // The object changed since the draft began (or the form comes filled
      // otherwise): the form shows what the server gave, and the notice
      // offers the draft. Typing meanwhile makes a new draft in its place;
      // the notice's Restore still has the old one.
      var offered = d;
      var closeOffer = notice(form, "warn", words("changed"), d.at, [
        [words("restore"), function () {
          closeOffer();
          restore(offered);
        }],
        [words("discard"), function () {
          closeOffer();
          var now = parse(store.getItem(key));
          if (now && now.at === offered.at) { store.removeItem(key); }
          focusFirst(form);
        }],
      ]);
    }

    var changed = function () {
      forget = false;
      guard();
      clearTimeout(timer);
      timer = setTimeout(save, DELAY);
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () {
      save();
      var raw = store.getItem(key);
      if (raw) {
        try {
          tab.setItem(SENT + key.slice(MINE.length), raw);
          store.removeItem(key);
        } catch (e) { /* the draft stays where it is */ }
      }
      sending = true;
      guard();
    });
    return { dirty: dirty, save: save, stop: function () { clearTimeout(timer); } };
  };

  Array.prototype.forEach.call(document.querySelectorAll("form[data-draft]"), function (form) {
    forms.push(track(form));
  });
  guard();

  // The last keys typed are kept when the page goes away or is hidden.
  var flush = function () { forms.forEach(function (f) { f.save(); }); };
  window.addEventListener("pagehide", function () { if (!sending) { flush(); } });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && !sending) { flush(); }
  });
  // Back to this page from the next one (the back/forward cache): a form
  // sent from it was not necessarily saved.
  window.addEventListener("pageshow", function (e) {
    if (!e.persisted) { return; }
    sending = false;
    saved = false;
    takeSent();
    flush();
    guard();
  });

  // Signing out forgets the user's drafts on this computer.
  Array.prototype.forEach.call(document.querySelectorAll("form[action='/logout']"), function (form) {
    form.addEventListener("submit", function () {
      forget = true;
      forms.forEach(function (f) { f.stop(); });
      keys(store, MINE).forEach(function (k) { store.removeItem(k); });
      keys(tab, SENT).forEach(function (k) { tab.removeItem(k); });
    });
  });
})();
