/* The teacher's page, for the projector: where to join, who has, the round's clock, the leaderboard, the seats'
   charts by round and the debrief's charts. */
"use strict";
(function () {
  var token = new URLSearchParams(location.search).get("teacher");
  var headers = token ? {"X-Teacher": token} : {};

  function start() {
    document.getElementById("start").addEventListener("click", function () { control({action: "start"}); });
    document.getElementById("run-round").addEventListener("click", function () { control({action: "run"}); });
    document.getElementById("open-platform").addEventListener("click", function () {
      control({action: "open-platform"});
    });
    document.getElementById("set-deadline").addEventListener("click", function () {
      control({action: "deadline", seconds: Number(document.getElementById("deadline-seconds").value)});
    });
    document.getElementById("debrief").addEventListener("click", function () {
      control({action: "debrief", replications: Number(document.getElementById("debrief-replications").value)});
    });
    refresh();
    setInterval(refresh, 1000);
  }

  function control(body) {
    Game.request("POST", "/api/teacher", body, headers).then(function (r) {
      if (!r.ok) { Game.message(r.json.error); } else { Game.clearMessage(); refresh(); }
    });
  }

  function refresh() {
    Game.request("GET", "/api/game", undefined, headers).then(function (r) {
      if (r.ok) { show(r.json); }
    }).catch(function () { document.getElementById("round").textContent = "server unreachable"; });
  }

  /* The lesson's market view, the taste circle, as of the last round: fetched when a round has run. */
  var market = null, marketRound = -1;
  function showMarket(g) {
    if (g.done === marketRound) { return; }
    Game.request("GET", "/api/market").then(function (r) {
      if (!r.ok) { return; }
      market = r.json;
      marketRound = g.done;
      document.getElementById("market-note").textContent = g.done === 0 ? "(before the first round)"
        : "(after round " + g.done + ": consumers by segment and taste, coloured by their last supplier)";
      var legend = document.getElementById("market-legend");
      legend.innerHTML = "";
      market.classes.forEach(function (c) {
        var item = document.createElement("span");
        var sw = document.createElement("span");
        sw.className = "swatch"; sw.style.background = c.colour;
        item.appendChild(sw); item.appendChild(document.createTextNode(c.name));
        legend.appendChild(item);
      });
      drawMarket();
    });
  }
  function drawMarket() {
    if (market) {
      window.marketCircleLabels = MarketCircle.draw(document.getElementById("market-circle"), market, market,
        market.takeRate);
    }
  }
  window.addEventListener("resize", drawMarket);

  function show(g) {
    showMarket(g);
    document.getElementById("title").textContent = "marketsim game: " + g.scenario;
    document.getElementById("question").textContent = g.question;
    document.getElementById("controls").hidden = !g.teacher || g.over;
    var open = g.done + 1;
    document.getElementById("start").hidden = g.started;
    document.getElementById("open-platform").hidden = !g.platform_seat_closed;
    document.getElementById("round").textContent = g.over ? "Game over (" + g.rounds + " rounds)"
      : (g.started ? "" : "Waiting for teams \u00b7 ") + "Round " + open + " of " + g.rounds + " \u00b7 weeks " + (g.done * g.round_ticks + 1) + "\u2013"
        + (open * g.round_ticks);
    var d = document.getElementById("deadline");
    d.textContent = g.deadline >= 0 ? Math.floor(g.deadline / 60) + ":" + String(g.deadline % 60).padStart(2, "0")
      + " left" : "";
    document.getElementById("join-address").textContent = g.join || location.origin + "/";
    var joined = g.seats.filter(function (s) { return s.team; });
    Game.table(document.getElementById("seats"), ["seat", "team", g.over ? "" : "round " + open],
      g.seats.map(function (s) {
        return [s.name + " (" + s.archetype + ")", s.team || "computer",
          !s.team || g.over ? "" : s.submitted ? "\u2713 in" : "thinking\u2026"];
      }), 3);
    var firms = g.seats.filter(function (s) { return !s.platform; });
    (g.computer || []).forEach(function (f) { firms.push({name: f.name, team: null, sofar: f}); });
    firms.sort(function (a, b) { return profit(b) - profit(a); });
    var m = function (v) { return Game.num(v); };
    Game.table(document.getElementById("leaderboard"),
      ["team", "firm", "profit (" + g.money + ")", "unit share", "retention", "NPS"],
      firms.map(function (s) {
        var f = s.sofar || {};
        return [s.team || "computer", s.name, m(f.net_profit), Game.pct(f.unit_share), Game.pct(f.retention),
          Game.num(f.nps)];
      }), 2);
    document.getElementById("board-note").textContent = g.done === 0 ? "(from round 1 on)"
      : "(weeks 1\u2013" + g.done * g.round_ticks + "; " + joined.length + " team" + (joined.length === 1 ? "" : "s") + ")";
    debrief(g);
    charts(g);
    var platform = g.seats.filter(function (s) { return s.platform; });
    document.getElementById("platform-title").hidden = platform.length === 0;
    document.getElementById("platform").hidden = platform.length === 0;
    if (platform.length) {
      Game.table(document.getElementById("platform"), ["team", "fee revenue", "members", "profit"],
        platform.map(function (s) {
          var f = s.sofar || {};
          return [s.team || "computer", m(f.fee_revenue), Game.pct(f.members), m(f.net_profit)];
        }));
    }
  }

  function debrief(g) {
    document.getElementById("debrief-controls").hidden = !g.teacher || g.done === 0;
    Game.request("GET", "/api/debrief").then(function (r) {
      if (!r.ok) { return; }
      var d = r.json;
      var status = document.getElementById("debrief-status");
      status.textContent = d.running ? "Replaying: " + d.done + " of " + d.of + " runs\u2026"
        : d.failure ? d.failure : d.result ? "" : "After the last round: replay every team's decisions on other draws.";
      var t = document.getElementById("debrief-table");
      t.hidden = !d.result;
      document.getElementById("debrief-charts").hidden = !d.result;
      document.getElementById("debrief-note").hidden = !d.result;
      if (!d.result) { return; }
      var teams = {};
      g.seats.forEach(function (s) { teams[s.seat] = s.team || "computer"; });
      var pm = function (m, h) { return Game.num(m) + " \u00b1 " + Game.num(h); };
      debriefCharts(d.result, teams);
      Game.table(t, ["team", "firm", "profit, " + d.result.replications + " draws", "rank", "skill", "luck sd",
          "this draw"],
        d.result.seats.map(function (s) {
          return [teams[s.seat], s.name, pm(s.profit, s.profit_half), s.mean_rank === undefined ? "\u2013"
            : Game.num(s.mean_rank, 1) + " of " + s.of_firms + " (" + Math.round(100 * s.first_share) + "% 1st)",
            pm(s.skill, s.skill_half), Game.num(s.luck_sd), (s.game_luck >= 0 ? "+" : "") + Game.num(s.game_luck)];
        }), 2);
    });
  }

  /* Colour-blind-safe colours (Okabe and Ito), one a seat. */
  var COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"];
  var plots = null;
  var plotted = -1;

  /* The seats' figures round by round: profit so far and unit share, as the lesson's uPlot charts draw them. */
  function charts(g) {
    var box = document.getElementById("charts");
    box.hidden = g.done === 0;
    if (g.done === 0 || typeof uPlot === "undefined") { return; }
    var label = function (s) { return (s.team || "computer") + " \u00b7 " + s.name; };
    if (plots === null) {
      document.querySelector("#charts .money").textContent = g.money;
      var legend = document.getElementById("chart-legend");
      legend.innerHTML = "";
      g.seats.forEach(function (s, i) {
        var item = document.createElement("span");
        var sw = document.createElement("span");
        sw.className = "swatch"; sw.style.background = COLOURS[i % COLOURS.length];
        item.appendChild(sw); item.appendChild(document.createTextNode(label(s)));
        legend.appendChild(item);
      });
      plots = ["chart-profit", "chart-share"].map(function (id) {
        var el = document.getElementById(id);
        var series = [{label: "round"}].concat(g.seats.map(function (s, i) {
          return {label: s.name, stroke: COLOURS[i % COLOURS.length], width: 2.5, points: {show: true, size: 7}};
        }));
        return new uPlot({width: Math.max(200, el.clientWidth), height: el.clientHeight || 170, series: series,
          legend: {show: false}, cursor: {show: false},
          scales: {x: {time: false}},
          axes: [{label: "round", size: 36, labelSize: 16, incrs: [1, 2, 5, 10]},
            {size: 56, values: function (u, vals) { return vals.map(function (v) { return Game.num(v); }); }}]},
          [[]].concat(g.seats.map(function () { return []; })), el);
      });
    }
    if (plotted === g.done) { return; }
    plotted = g.done;
    var rounds = [];
    for (var r = 1; r <= g.done; r++) { rounds.push(r); }
    var sofar = g.history.net_profit.map(function (byRound) {
      var total = 0;
      return byRound.map(function (v) { total += v || 0; return total; });
    });
    var share = g.history.unit_share.map(function (byRound) {
      return byRound.map(function (v) { return v === null ? null : 100 * v; });
    });
    plots[0].setData([rounds].concat(sofar));
    plots[1].setData([rounds].concat(share));
  }

  /* The debrief for the projector: each team's profit with its interval, and its skill against its luck. */
  function debriefCharts(result, teams) {
    var rows = result.seats;
    intervals(document.getElementById("chart-debrief-profit"), rows.map(function (s) {
      return {label: teams[s.seat] + " \u00b7 " + s.name, mid: s.profit, half: s.profit_half,
        diamond: s.profit - s.skill, cross: s.game_profit};
    }));
    intervals(document.getElementById("chart-debrief-skill"), rows.map(function (s) {
      return {label: teams[s.seat] + " \u00b7 " + s.name, mid: s.skill, half: s.skill_half, band: s.luck_sd};
    }));
  }

  /* A horizontal interval chart as SVG: a row a team, its mean and interval, marks, a line at 0. */
  function intervals(el, rows) {
    var NS = "http://www.w3.org/2000/svg";
    var W = 600, ROW = 30, LEFT = 190, RIGHT = 16, TOP = 6, AXIS = 22;
    var H = TOP + rows.length * ROW + AXIS;
    var lo = 0, hi = 0;
    rows.forEach(function (r) {
      [r.mid - r.half, r.mid + r.half, r.diamond, r.cross, r.band === undefined ? undefined : -r.band,
        r.band].forEach(function (v) { if (v !== undefined && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } });
    });
    var pad = (hi - lo) * 0.05 || 1;
    lo -= pad; hi += pad;
    var x = function (v) { return LEFT + (W - LEFT - RIGHT) * (v - lo) / (hi - lo); };
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    var add = function (name, attrs, text) {
      var e = document.createElementNS(NS, name);
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      if (text !== undefined) { e.textContent = text; }
      svg.appendChild(e);
      return e;
    };
    add("line", {x1: x(0), x2: x(0), y1: TOP, y2: H - AXIS, stroke: "#5a5a5a", "stroke-dasharray": "3 3"});
    rows.forEach(function (r, i) {
      var y = TOP + i * ROW + ROW / 2;
      var colour = COLOURS[i % COLOURS.length];
      add("text", {x: LEFT - 8, y: y + 4, "text-anchor": "end", fill: "#1a1a1a"}, r.label);
      if (r.band !== undefined) {
        add("rect", {x: x(-r.band), y: y - 11, width: Math.max(1, x(r.band) - x(-r.band)), height: 22,
          fill: "#d6d6d6"});
      }
      add("line", {x1: x(r.mid - r.half), x2: x(r.mid + r.half), y1: y, y2: y, stroke: colour, "stroke-width": 6,
        "stroke-linecap": "round", "class": "interval"});
      add("circle", {cx: x(r.mid), cy: y, r: 5, fill: "#fff", stroke: colour, "stroke-width": 2.5});
      if (r.diamond !== undefined) {
        add("path", {d: "M" + x(r.diamond) + "," + (y - 7) + "l7,7l-7,7l-7,-7z", fill: "#5a5a5a"});
      }
      if (r.cross !== undefined) {
        add("path", {d: "M" + (x(r.cross) - 6) + "," + (y - 6) + "l12,12m0,-12l-12,12", stroke: "#1a1a1a",
          "stroke-width": 2.5});
      }
    });
    var ticks = niceTicks(lo, hi, 5);
    ticks.forEach(function (t) {
      add("line", {x1: x(t), x2: x(t), y1: H - AXIS, y2: H - AXIS + 4, stroke: "#5a5a5a"});
      add("text", {x: x(t), y: H - 4, "text-anchor": "middle", fill: "#5a5a5a"}, Game.num(t));
    });
    el.innerHTML = "";
    el.appendChild(svg);
  }

  function niceTicks(lo, hi, n) {
    var step = Math.pow(10, Math.floor(Math.log10((hi - lo) / n)));
    [1, 2, 5, 10].some(function (m) { if ((hi - lo) / (m * step) <= n) { step *= m; return true; } return false; });
    var out = [];
    for (var t = Math.ceil(lo / step) * step; t <= hi; t += step) { out.push(Math.abs(t) < step / 1e6 ? 0 : t); }
    return out;
  }

  function profit(s) { return s.sofar && s.sofar.net_profit !== null ? s.sofar.net_profit : -Infinity; }

  start();
})();
