/* The lesson page: draws what the server sends (server-sent events) and, on the teacher's page, sends the
 * teacher's commands. The model runs on the server; nothing here simulates. */
(function () {
  "use strict";

  var token = new URLSearchParams(location.search).get("teacher");
  var teacher = false;
  var setup = null;          // the last set-up frame
  var charts = {};           // chart id -> {plot, series: [index into row], data}
  var changes = [];          // [{week, label}]
  var lastTick = null;
  var values = {};           // lever values in force
  var events = null;
  var CHART_FONT = "16px system-ui, 'DejaVu Sans', Arial, sans-serif";
  var CHARTS = ["unit_share", "net_margin", "retention", "fee_share", "platform"];

  function $(id) { return document.getElementById(id); }

  function capital(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  function pct(v, digits) {
    return v == null || isNaN(v) ? "\u2013" : Number(v).toFixed(digits == null ? 1 : digits) + "%";
  }

  function showMessage(text) {
    var m = $("message");
    m.textContent = text;
    m.hidden = false;
    clearTimeout(showMessage.timer);
    showMessage.timer = setTimeout(function () { m.hidden = true; }, 10000);
  }

  function post(path, body) {
    var headers = {"Content-Type": "application/json"};
    if (token) { headers["X-Teacher"] = token; }
    return fetch(path, {method: "POST", headers: headers, body: JSON.stringify(body)})
      .then(function (r) {
        return r.json().catch(function () { return {error: "the server answered " + r.status}; })
          .then(function (j) { if (!r.ok || j.error) { showMessage(j.error || ("the server answered " + r.status)); } });
      })
      .catch(function () { showMessage("the lesson's server does not answer: is marketsim classroom still running?"); });
  }

  /* ---- speed: a log scale between the server's slowest and fastest ---- */
  function speedFromSlider(x) {
    var lo = Math.log(setup.minSpeed), hi = Math.log(setup.maxSpeed);
    return Math.exp(lo + (hi - lo) * x / 100);
  }
  function sliderFromSpeed(s) {
    var lo = Math.log(setup.minSpeed), hi = Math.log(setup.maxSpeed);
    return Math.round(100 * (Math.log(s) - lo) / (hi - lo));
  }
  function speedText(s) {
    return (s < 1 ? s.toFixed(2) : s < 10 ? s.toFixed(1) : s.toFixed(0)) + " wk/s";
  }

  /* ---- the taste circle (circle.js) ---- */
  var circleLabels = {firms: [], markers: [], segments: []};

  function drawCircle() {
    circleLabels = MarketCircle.draw($("circle"), setup, lastTick, values.take_rate);
  }

  /* ---- charts ---- */
  function changeMarks() {
    return {
      hooks: {
        draw: [function (u) {
          var ctx = u.ctx;
          ctx.save();
          ctx.font = "bold " + Math.round(15 * devicePixelRatio) + "px system-ui, 'DejaVu Sans', Arial, sans-serif";
          ctx.textAlign = "left";
          changes.forEach(function (c, i) {
            var x = Math.round(u.valToPos(c.week, "x", true));
            if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) { return; }
            ctx.strokeStyle = "#d55e00";
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.fillStyle = "#d55e00";
            ctx.fillText(String(i + 1), x + 4 * devicePixelRatio, u.bbox.top + 16 * devicePixelRatio);
          });
          ctx.restore();
        }]
      }
    };
  }

  function buildCharts() {
    CHARTS.forEach(function (id) {
      var el = $("chart-" + id);
      el.innerHTML = "";
      var lines = [];
      setup.series.forEach(function (s, k) { if (s.chart === id) { lines.push({index: k, series: s}); } });
      if (id === "platform") {
        $("tile-platform").hidden = lines.length === 0;
        var key = $("platform-key");
        key.innerHTML = "";
        lines.forEach(function (l) {
          var span = document.createElement("span");
          span.style.setProperty("--swatch", l.series.colour);
          span.textContent = l.series.name;
          key.appendChild(span);
        });
      }
      if (lines.length === 0) { delete charts[id]; return; }
      var data = [[]].concat(lines.map(function () { return []; }));
      setup.rows.forEach(function (row, t) {
        data[0].push(t + 1);
        lines.forEach(function (l, j) { data[j + 1].push(row[l.index]); });
      });
      var opts = {
        width: Math.max(200, el.clientWidth),
        height: Math.max(100, el.clientHeight),
        legend: {show: false},
        cursor: {show: false},
        scales: {x: {time: false, range: [1, setup.horizon]}, y: {range: settledRange}},
        axes: [
          {font: CHART_FONT, labelFont: CHART_FONT, size: 36, stroke: "#333", grid: {stroke: "#e2e2e2"},
            values: function (u, ticks) { return ticks.map(function (t) { return "wk " + t; }); }},
          {font: CHART_FONT, labelFont: CHART_FONT, size: 56, stroke: "#333", grid: {stroke: "#e2e2e2"}}
        ],
        series: [{label: "week"}].concat(lines.map(function (l) {
          return {label: l.series.name, stroke: l.series.colour, width: 3, spanGaps: true, points: {show: false}};
        })),
        plugins: [changeMarks()]
      };
      charts[id] = {plot: new uPlot(opts, data, el), lines: lines, data: data, el: el};
    });
  }

  /*
   * The y axis from the weeks after the start (two summary windows), where there are any: the first weeks' few
   * sales give margins of -900% that would flatten the rest of the lesson into a line. Earlier points still draw,
   * clipped at the axis.
   */
  function settledRange(u, dataMin, dataMax) {
    var from = 2 * setup.windowWeeks, lo = Infinity, hi = -Infinity;
    for (var j = 1; j < u.data.length; j++) {
      var ys = u.data[j];
      for (var i = from; i < ys.length; i++) {
        if (ys[i] != null) { lo = Math.min(lo, ys[i]); hi = Math.max(hi, ys[i]); }
      }
    }
    if (lo === Infinity) { lo = dataMin; hi = dataMax; }
    if (lo == null || hi == null) { return [0, 100]; }
    if (lo === hi) { lo -= 1; hi += 1; }
    var pad = 0.08 * (hi - lo);
    return uPlot.rangeNum(Math.min(lo - pad, lo >= 0 ? 0 : lo - pad), hi + pad, 0.05, true);
  }

  function addRow(row) {
    var t = setup.rows.length;
    setup.rows.push(row);
    Object.keys(charts).forEach(function (id) {
      var c = charts[id];
      c.data[0].push(t + 1);
      c.lines.forEach(function (l, j) { c.data[j + 1].push(row[l.index]); });
      c.plot.setData(c.data);
    });
  }

  function redrawCharts() {
    Object.keys(charts).forEach(function (id) { charts[id].plot.redraw(false); });
  }

  function resizeCharts() {
    Object.keys(charts).forEach(function (id) {
      var c = charts[id];
      c.plot.setSize({width: Math.max(200, c.el.clientWidth), height: Math.max(100, c.el.clientHeight)});
    });
  }

  /* ---- levers ---- */
  function buildLevers() {
    var market = $("market-levers"), firmList = $("firm-lever-list");
    market.innerHTML = "";
    firmList.innerHTML = "";
    var select = $("firm");
    select.innerHTML = "";
    setup.firms.forEach(function (f) {
      var o = document.createElement("option");
      o.value = f.index;
      o.textContent = f.name + " (" + f.archetype + ")";
      select.appendChild(o);
    });
    var anyFirm = false;
    setup.levers.forEach(function (lever) {
      var host = lever.perFirm ? firmList : market;
      anyFirm = anyFirm || lever.perFirm;
      var label = document.createElement("label");
      label.htmlFor = "lever-" + lever.key;
      if (lever["switch"]) {
        var box = document.createElement("input");
        box.type = "checkbox";
        box.id = "lever-" + lever.key;
        box.addEventListener("change", function () {
          post("/api/lever", {lever: lever.key, value: box.checked ? 1 : 0});
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + lever.label));
        host.appendChild(label);
        return;
      }
      label.textContent = lever.label + " (" + lever.unit + ")";
      var value = document.createElement("span");
      value.className = "value";
      value.id = "lever-" + lever.key + "-value";
      label.appendChild(value);
      var range = document.createElement("input");
      range.type = "range";
      range.id = "lever-" + lever.key;
      range.min = Math.round(lever.min / lever.step);
      range.max = Math.round(lever.max / lever.step);
      range.step = 1;
      range.setAttribute("aria-label", lever.label);
      range.addEventListener("input", function () {
        value.textContent = leverText(lever, fromSlider(lever, range.value));
        range.dataset.moving = "1";
      });
      range.addEventListener("change", function () {
        delete range.dataset.moving;
        var body = {lever: lever.key, value: fromSlider(lever, range.value)};
        if (lever.perFirm) { body.firm = Number(select.value); }
        post("/api/lever", body);
      });
      host.appendChild(label);
      host.appendChild(range);
    });
    $("firm-levers").hidden = !anyFirm || setup.firms.length === 0;
    select.onchange = showLeverValues;
  }

  /* A slider moves in the lever's steps (1% of a share, 0.05 of a number, 1 of a count). */
  function fromSlider(lever, position) {
    return Math.round(Number(position) * lever.step * 1e6) / 1e6;
  }

  /* The value as the server's levers say it: "15%", "1.50", "2". */
  function leverText(lever, v) {
    if (lever.scale === "share") { return Math.round(100 * v) + "%"; }
    if (lever.scale === "number") { return Number(v).toFixed(2); }
    return String(Math.round(v));
  }

  function showLeverValues() {
    if (!setup) { return; }
    var firmPos = $("firm").selectedIndex;
    setup.levers.forEach(function (lever) {
      var v = values[lever.key];
      if (lever.perFirm) { v = v ? v[Math.max(0, firmPos)] : undefined; }
      if (v === undefined) { return; }
      var input = $("lever-" + lever.key);
      if (!input) { return; }
      if (lever["switch"]) {
        input.checked = v !== 0;
      } else if (!input.dataset.moving) {
        input.value = Math.round(v / lever.step);
        $("lever-" + lever.key + "-value").textContent = leverText(lever, v);
      }
    });
    $("kpi-take-rate").textContent = values.take_rate === undefined ? "\u2013" : pct(100 * values.take_rate, 0);
  }

  /* ---- frames ---- */
  function applyState(f) {
    $("kpi-week").textContent = "week " + f.week;
    values = f.leverValues || values;
    changes = f.changes || [];
    var list = $("changes");
    list.innerHTML = "";
    if (changes.length === 0) {
      var none = document.createElement("li");
      none.className = "muted";
      none.textContent = "none yet";
      list.appendChild(none);
    }
    changes.forEach(function (c) {
      var li = document.createElement("li");
      li.textContent = "week " + c.week + ": " + c.label;
      list.appendChild(li);
    });
    $("play").disabled = f.playing || f.finished || !!f.failure;
    $("pause").disabled = !f.playing;
    $("step").disabled = f.finished || !!f.failure;
    $("play").classList.toggle("primary", !f.playing && !f.finished);
    if (!$("speed").dataset.moving) {
      $("speed").value = sliderFromSpeed(f.speed);
      $("speed-value").textContent = speedText(f.speed);
    }
    $("run").textContent = (setup.marketSize === setup.consumers ? setup.consumers.toLocaleString("en") + " consumers"
      : setup.consumers.toLocaleString("en") + " simulated consumers of a market of " +
        Math.round(setup.marketSize).toLocaleString("en")) + " \u00b7 seed " + f.seed;
    $("subtitle").textContent = f.failure ? "stopped" : f.finished ? "finished" : f.playing ? "playing" : "paused";
    if (f.failure) { showMessage(f.failure + " (Reset to start again.)"); }
    showLeverValues();
    redrawCharts();
  }

  function applyTick(f) {
    if (f.row) { addRow(f.row); }
    if (f.kpi) {
      lastTick = f;
      $("kpi-fee-share").textContent = pct(f.kpi.platformTake);
      $("kpi-members").textContent = pct(f.kpi.members);
      $("kpi-profit").textContent = f.kpi.platformProfit == null ? "\u2013"
        : Math.round(f.kpi.platformProfit).toLocaleString("en");
      $("kpi-no-purchase").textContent = pct(f.kpi.noPurchase);
    }
    applyState(f);
    drawCircle();
  }

  function onSetup(f) {
    setup = f;
    lastTick = f.kpi ? f : null;
    $("title").textContent = f.scenario;
    $("title").title = capital(f.title);
    document.title = "marketsim lesson: " + f.scenario;
    $("horizon").textContent = "of " + f.horizon;
    $("story-question").textContent = capital(f.story.question);
    $("story-notice").textContent = capital(f.story.whatToNotice) || "\u2013";
    $("story-try").textContent = capital(f.story.whatToTry) || "\u2013";
    Array.prototype.forEach.call(document.querySelectorAll(".window-weeks"), function (e) {
      e.textContent = f.windowWeeks;
    });
    var circleLegend = $("circle-legend");
    circleLegend.innerHTML = "";
    f.classes.forEach(function (c) {
      var s = document.createElement("span");
      s.style.setProperty("--swatch", c.colour);
      s.textContent = c.name;
      circleLegend.appendChild(s);
    });
    buildCharts();
    buildLevers();
    applyTick(f);
  }

  function connect() {
    events = new EventSource("/api/events");
    events.addEventListener("setup", function (e) { online(); onSetup(JSON.parse(e.data)); });
    events.addEventListener("tick", function (e) { if (setup) { applyTick(JSON.parse(e.data)); } });
    events.addEventListener("state", function (e) { if (setup) { applyState(JSON.parse(e.data)); } });
    events.onerror = function () {
      var role = $("role");
      role.textContent = "reconnecting\u2026";
      role.className = "role offline";
    };
  }

  function online() {
    var role = $("role");
    role.textContent = teacher ? "Teacher" : "Watching";
    role.title = teacher ? "This page moves the lesson" : "The teacher moves the levers";
    role.className = teacher ? "role teacher" : "role";
  }

  function wireControls() {
    $("play").onclick = function () { post("/api/control", {action: "play"}); };
    $("pause").onclick = function () { post("/api/control", {action: "pause"}); };
    $("step").onclick = function () { post("/api/control", {action: "step"}); };
    $("reset").onclick = function () { post("/api/control", {action: "reset"}); };
    $("reset-next").onclick = function () { post("/api/control", {action: "reset", nextSeed: true}); };
    $("reset-levers").onclick = function () { post("/api/control", {action: "reset-levers"}); };
    var speed = $("speed");
    speed.addEventListener("input", function () {
      speed.dataset.moving = "1";
      $("speed-value").textContent = speedText(speedFromSlider(Number(speed.value)));
    });
    speed.addEventListener("change", function () {
      delete speed.dataset.moving;
      post("/api/control", {action: "speed", speed: speedFromSlider(Number(speed.value))});
    });
  }

  var headers = token ? {"X-Teacher": token} : {};
  fetch("/api/lesson", {headers: headers}).then(function (r) { return r.json(); }).then(function (j) {
    teacher = !!j.teacher;
    $("controls").hidden = !teacher;
    $("levers").hidden = !teacher;
    if (token && !teacher) { showMessage("This address's teacher token is not this lesson's: the page only watches."); }
    wireControls();
    connect();
  }).catch(function () {
    showMessage("The lesson's server does not answer: is marketsim classroom still running?");
  });
  window.addEventListener("resize", function () { resizeCharts(); drawCircle(); });
  /* what tests (and curious teachers, in the console) can read of the page */
  window.marketsimLesson = {
    week: function () { return lastTick ? lastTick.week : 0; },
    series: function (name) {
      var k = setup ? setup.series.map(function (s) { return s.name; }).indexOf(name) : -1;
      return k < 0 ? [] : setup.rows.map(function (row) { return row[k]; });
    },
    leverValues: function () { return values; },
    circleLabels: function () { return circleLabels; }
  };
}());
