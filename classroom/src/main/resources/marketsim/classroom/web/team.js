/* A team's page, made for a phone (390x844): join, decide each round, see the team's own results. */
"use strict";
(function () {
  var KEY = "marketsim-game-seat";
  var token = null;
  var seat = null;          // the last seat frame
  var formRound = 0;        // the round the form was filled for
  var dirty = false;        // the team changed a value since
  var pricing = "markup";   // a firm sets its "price" or its "markup": the toggle's choice

  function headers() { return {"X-Seat": token}; }

  function start() {
    var hash = location.hash.match(/seat=([0-9a-f]+)/);
    if (hash) { localStorage.setItem(KEY, hash[1]); history.replaceState(null, "", location.pathname); }
    token = localStorage.getItem(KEY);
    document.getElementById("join-button").addEventListener("click", join);
    document.getElementById("submit").addEventListener("click", submit);
    if (token) { refresh(); } else { showJoin(); }
    setInterval(function () { if (token) { refresh(); } }, 2000);
  }

  function showJoin() {
    document.getElementById("join").hidden = false;
    document.getElementById("play").hidden = true;
    document.getElementById("round-status").textContent = "not joined";
    Game.request("GET", "/api/game").then(function (r) {
      if (!r.ok) { return; }
      var select = document.getElementById("join-seat");
      select.length = 1;
      r.json.seats.forEach(function (s) {
        if (!s.team) {
          var o = document.createElement("option");
          o.value = s.seat;
          o.textContent = s.name + " (" + s.archetype + ")";
          select.appendChild(o);
        }
      });
    });
  }

  function join() {
    var team = document.getElementById("join-team").value.trim();
    var chosen = document.getElementById("join-seat").value;
    var body = {team: team};
    if (chosen !== "") { body.seat = Number(chosen); }
    Game.request("POST", "/api/join", body).then(function (r) {
      if (!r.ok) { Game.message(r.json.error); showJoin(); return; }
      token = r.json.token;
      localStorage.setItem(KEY, token);
      Game.clearMessage();
      refresh();
    });
  }

  function refresh() {
    Game.request("GET", "/api/seat", undefined, headers()).then(function (r) {
      if (r.status === 403) { token = null; localStorage.removeItem(KEY); showJoin(); return; }
      if (!r.ok) { return; }
      show(r.json);
    }).catch(function () {
      document.getElementById("round-status").textContent = "offline: trying again\u2026";
    });
  }

  function show(s) {
    seat = s;
    document.getElementById("join").hidden = true;
    document.getElementById("play").hidden = false;
    document.getElementById("seat-title").textContent = s.team + ": " + s.name;
    var open = s.done + 1;
    var status = s.over ? "Game over: " + s.rounds + " rounds played"
      : "Round " + open + " of " + s.rounds + (s.submitted ? " \u2713 submitted" : ": not submitted yet");
    var st = document.getElementById("round-status");
    st.textContent = status;
    st.className = "status" + (s.submitted ? " done" : "");
    document.getElementById("decide-round").textContent = s.over ? "\u2013" : open;
    document.getElementById("submit-round").textContent = s.over ? "" : open;
    document.getElementById("submit").disabled = s.over;
    if (formRound !== open || !dirty) { fill(s); formRound = open; dirty = false; }
    results(s);
    channels(s);
  }

  /* A firm sets a price or a markup: two buttons, and only the chosen one's lever shows and is sent. */
  function pricingToggle(box, s) {
    pricing = s.pricing || "markup";
    var row = document.createElement("div");
    row.className = "lever toggle";
    row.setAttribute("role", "radiogroup");
    var label = document.createElement("span");
    label.textContent = "I set my ";
    row.appendChild(label);
    [["markup", "markup"], ["price", "price"]].forEach(function (o) {
      var b = document.createElement("label");
      var r = document.createElement("input");
      r.type = "radio"; r.name = "pricing"; r.value = o[0]; r.id = "pricing-" + o[0];
      r.checked = pricing === o[0];
      r.addEventListener("change", function () { pricing = o[0]; dirty = true; showPricing(); });
      b.appendChild(r); b.appendChild(document.createTextNode(" " + o[1]));
      row.appendChild(b);
    });
    box.appendChild(row);
  }

  function showPricing() {
    ["markup", "price"].forEach(function (k) {
      var row = document.getElementById("row-" + k);
      if (row) { row.hidden = k !== pricing; }
    });
  }

  function sets(l) { return (l.key !== "markup" && l.key !== "price") || l.key === pricing; }

  function fill(s) {
    var box = document.getElementById("levers");
    box.innerHTML = "";
    var toggle = s.levers.some(function (l) { return l.key === "price"; });
    if (toggle) { pricingToggle(box, s); }
    s.levers.filter(function (l) { return l.scale !== "switch"; }).forEach(function (l) {
      var row = document.createElement("div");
      row.className = "lever";
      row.id = "row-" + l.key;
      var unit = l.scale === "share" ? "%" : l.scale === "money" ? s.money + "/week"
        : l.scale === "price" ? s.money + "/unit" : "";
      var label = document.createElement("label");
      label.htmlFor = "lever-" + l.key;
      label.textContent = l.label;
      var range = document.createElement("input");
      range.type = "range";
      var input = document.createElement("input");
      input.type = "number";
      input.id = "lever-" + l.key;
      input.dataset.lever = l.key;
      input.inputMode = "decimal";
      [range, input].forEach(function (el) {
        el.min = Game.shown(l, l.min); el.max = Game.shown(l, l.max); el.step = Game.shownStep(l);
        el.value = Game.shown(l, l.value);
      });
      range.addEventListener("input", function () { input.value = range.value; dirty = true; });
      [range, input].forEach(function (el) { el.addEventListener("focus", function () { dirty = true; }); });
      input.addEventListener("input", function () { range.value = input.value; dirty = true; });
      var hint = document.createElement("div");
      hint.className = "hint";
      hint.textContent = Game.shown(l, l.min) + "\u2013" + Game.shown(l, l.max) + " " + unit
        + (l.scale === "money" || l.scale === "price" ? "" : " \u00b7 " + l.unit) + " \u00b7 scenario " + Game.shown(l, l.scenario);
      var line = document.createElement("div");
      line.className = "inputs";
      line.appendChild(range); line.appendChild(input);
      var u = document.createElement("span"); u.textContent = unit; line.appendChild(u);
      row.appendChild(label); row.appendChild(line); row.appendChild(hint);
      box.appendChild(row);
    });
    if (toggle) { showPricing(); }
    channelChoices(box, s);
  }

  /* The channels the firm sells through, one box each with the channel's fees; at least one stays ticked. */
  function channelChoices(box, s) {
    var levers = {};
    s.levers.forEach(function (l) { if (l.scale === "switch") { levers[l.key] = l; } });
    var choices = s.channels.filter(function (c) { return c.lever && levers[c.lever]; });
    if (!choices.length) { return; }
    var group = document.createElement("fieldset");
    group.className = "lever channels-choice";
    var legend = document.createElement("legend");
    legend.textContent = "Your channels (at least one)";
    group.appendChild(legend);
    choices.forEach(function (c) {
      var l = levers[c.lever];
      var label = document.createElement("label");
      var box2 = document.createElement("input");
      box2.type = "checkbox"; box2.id = "lever-" + l.key; box2.dataset.lever = l.key;
      box2.checked = l.value !== 0;
      box2.addEventListener("change", function () { dirty = true; });
      label.appendChild(box2);
      var b = document.createElement("b"); b.textContent = " " + l.label;
      label.appendChild(b);
      var hint = document.createElement("div");
      hint.className = "hint"; hint.textContent = c.fees;
      group.appendChild(label); group.appendChild(hint);
    });
    box.appendChild(group);
  }

  function submit() {
    if (!seat) { return; }
    var values = {};
    seat.levers.filter(sets).forEach(function (l) {
      var el = document.getElementById("lever-" + l.key);
      if (!el) { return; }
      if (el.type === "checkbox") { values[l.key] = el.checked ? 1 : 0; return; }
      var v = el.value;
      values[l.key] = v === "" ? null : Game.unshown(l, Number(v));
    });
    var round = seat.done + 1;
    Game.request("POST", "/api/decide", {seat: seat.seat, round: round, values: values}, headers()).then(function (r) {
      if (!r.ok) { Game.message(r.json.error); return; }
      dirty = false;
      Game.message("Round " + round + ": your decisions are in.", "ok");
      refresh();
    });
  }

  function results(s) {
    var last = s.results[s.results.length - 1];
    var box = document.getElementById("last");
    var money = function (v) { return Game.num(v) + " " + s.money; };
    if (!last) { return; }
    var cards = s.platform
      ? [["Fee revenue", money(last.fee_revenue), "last-fees"], ["Members", Game.pct(last.members), "last-members"],
         ["Net profit", money(last.net_profit), "last-profit"], ["GMV", money(last.gmv), "last-gmv"]]
      : [["Price", Game.num(last.price, 2) + " " + s.money, "last-price"], ["Units", Game.num(last.units), "last-units"],
         ["Unit share", Game.pct(last.unit_share), "last-share"], ["Net profit", money(last.net_profit), "last-profit"],
         ["Customers", Game.num(last.customers), "last-customers"], ["Retention", Game.pct(last.retention), "last-retention"],
         ["NPS", Game.num(last.nps), "last-nps"], ["Revenue", money(last.revenue), "last-revenue"]];
    box.innerHTML = "";
    var h = document.createElement("p"); h.className = "muted"; h.textContent = "Round " + last.round + " ("
      + s.round_ticks + " weeks)"; box.appendChild(h);
    cards.forEach(function (c) {
      var d = document.createElement("div"); d.className = "card";
      d.innerHTML = "<span class=\"k\"></span><span class=\"v\"></span>";
      d.firstChild.textContent = c[0]; d.lastChild.textContent = c[1]; d.lastChild.id = c[2];
      box.appendChild(d);
    });
    var costs = document.getElementById("costs");
    if (last.costs) {
      var rows = Object.keys(last.costs).filter(function (k) { return last.costs[k]; })
        .map(function (k) { return [k, Game.num(last.costs[k])]; });
      Game.table(costs, ["cost", s.money], rows);
    }
    var hist = document.getElementById("history");
    if (s.platform) {
      Game.table(hist, ["round", "fees", "members", "profit"], s.results.map(function (r) {
        return [r.round, Game.num(r.fee_revenue), Game.pct(r.members), Game.num(r.net_profit)]; }));
    } else {
      Game.table(hist, ["round", "price", "units", "share", "profit"], s.results.map(function (r) {
        return [r.round, Game.num(r.price, 2), Game.num(r.units), Game.pct(r.unit_share), Game.num(r.net_profit)]; }));
    }
  }

  function channels(s) {
    var ul = document.getElementById("channels");
    ul.innerHTML = "";
    s.channels.forEach(function (c) {
      var li = document.createElement("li");
      var b = document.createElement("b"); b.textContent = c.channel + (c.yours ? " (you sell here): " : ": ");
      li.className = c.yours ? "yours" : "muted";
      li.appendChild(b); li.appendChild(document.createTextNode(c.fees));
      ul.appendChild(li);
    });
  }

  start();
})();
