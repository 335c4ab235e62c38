/* The teacher's page, for the projector: where to join, who has, the round's clock and the leaderboard. */
"use strict";
(function () {
  var token = new URLSearchParams(location.search).get("teacher");
  var headers = token ? {"X-Teacher": token} : {};

  function start() {
    document.getElementById("start").addEventListener("click", function () { control({action: "start"}); });
    document.getElementById("run-round").addEventListener("click", function () { control({action: "run"}); });
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

  function show(g) {
    document.getElementById("title").textContent = "marketsim game: " + g.scenario;
    document.getElementById("question").textContent = g.question;
    document.getElementById("controls").hidden = !g.teacher || g.over;
    var open = g.done + 1;
    document.getElementById("start").hidden = g.started;
    document.getElementById("round").textContent = g.over ? "Game over (" + g.rounds + " rounds)"
      : (g.started ? "" : "Waiting for teams \u00b7 ") + "Round " + open + " of " + g.rounds + " \u00b7 weeks " + (g.done * g.round_ticks + 1) + "\u2013"
        + (open * g.round_ticks);
    var d = document.getElementById("deadline");
    d.textContent = g.deadline >= 0 ? Math.floor(g.deadline / 60) + ":" + String(g.deadline % 60).padStart(2, "0")
      + " left" : "";
    document.getElementById("join-address").textContent = g.join || location.origin + "/";
    var joined = g.seats.filter(function (s) { return s.team; });
    Game.table(document.getElementById("seats"), ["seat", "team", "round " + (g.over ? "\u2013" : open)],
      g.seats.map(function (s) {
        return [s.name + " (" + s.archetype + ")", s.team || "computer", !s.team ? "" : s.submitted ? "\u2713 in"
          : "thinking\u2026"];
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
    document.getElementById("board-note").textContent = g.done === 0 ? "(after round 1)"
      : "(weeks 1\u2013" + g.done * g.round_ticks + "; " + joined.length + " team" + (joined.length === 1 ? "" : "s") + ")";
    debrief(g);
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
      document.getElementById("debrief-note").hidden = !d.result;
      if (!d.result) { return; }
      var teams = {};
      g.seats.forEach(function (s) { teams[s.seat] = s.team || "computer"; });
      var pm = function (m, h) { return Game.num(m) + " \u00b1 " + Game.num(h); };
      Game.table(t, ["team", "firm", "profit, " + d.result.replications + " draws", "rank", "skill", "luck sd",
          "this draw"],
        d.result.seats.map(function (s) {
          return [teams[s.seat], s.name, pm(s.profit, s.profit_half), s.mean_rank === undefined ? "\u2013"
            : Game.num(s.mean_rank, 1) + " of " + s.of_firms + " (" + Math.round(100 * s.first_share) + "% 1st)",
            pm(s.skill, s.skill_half), Game.num(s.luck_sd), (s.game_luck >= 0 ? "+" : "") + Game.num(s.game_luck)];
        }), 2);
    });
  }

  function profit(s) { return s.sofar && s.sofar.net_profit !== null ? s.sofar.net_profit : -Infinity; }

  start();
})();
