/* What both game pages share: requests, messages and how figures read. No framework, nothing from the internet. */
"use strict";
var Game = (function () {
  function request(method, path, body, headers) {
    var init = {method: method, headers: Object.assign({"Content-Type": "application/json"}, headers || {})};
    if (body !== undefined) { init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {error: "the server answered " + r.status}; })
        .then(function (json) { return {ok: r.ok, status: r.status, json: json}; });
    });
  }

  var hideTimer = null;
  function message(text, kind) {
    var m = document.getElementById("message");
    m.textContent = text;
    m.className = "message " + (kind || "error");
    m.hidden = false;
    clearTimeout(hideTimer);
    if (kind === "ok") { hideTimer = setTimeout(function () { m.hidden = true; }, 4000); }
  }

  function clearMessage() { document.getElementById("message").hidden = true; }

  function num(v, digits) {
    if (v === null || v === undefined || isNaN(v)) { return "\u2013"; }
    return Number(v).toLocaleString("en", {maximumFractionDigits: digits || 0, minimumFractionDigits: digits || 0});
  }
  function pct(v) { return v === null || v === undefined ? "\u2013" : num(100 * v, 1) + "%"; }

  /* A lever's value as its input shows it (a share in percent) and back. */
  function shown(lever, v) {
    if (lever.scale === "share") { return Math.round(1000 * v) / 10; }
    if (lever.scale === "number" || lever.scale === "price") { return Math.round(100 * v) / 100; }
    return Math.round(v);
  }
  function unshown(lever, v) { return lever.scale === "share" ? v / 100 : v; }
  function shownStep(lever) { return lever.scale === "share" ? 1 : lever.step; }

  function cell(row, text, cls) {
    var td = document.createElement(row.parentNode && row.parentNode.tagName === "THEAD" ? "th" : "td");
    td.textContent = text;
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }

  /* A table of {@code rows} under {@code head}; columns from {@code textColumns} on (default 1) are figures. */
  function table(el, head, rows, textColumns) {
    var first = textColumns === undefined ? 1 : textColumns;
    el.innerHTML = "";
    var thead = el.createTHead();
    var hr = thead.insertRow();
    head.forEach(function (h, i) {
      var th = document.createElement("th"); th.textContent = h; if (i >= first) { th.className = "n"; }
      hr.appendChild(th);
    });
    var tbody = el.createTBody();
    rows.forEach(function (r) {
      var tr = tbody.insertRow();
      r.forEach(function (c, i) { var td = tr.insertCell(); td.textContent = c; if (i >= first) { td.className = "n"; } });
    });
  }

  return {request: request, message: message, clearMessage: clearMessage, num: num, pct: pct, shown: shown,
    unshown: unshown, shownStep: shownStep, cell: cell, table: table};
})();
