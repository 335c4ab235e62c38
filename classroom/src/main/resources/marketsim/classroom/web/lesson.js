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

  /* ---- the taste circle ---- */
  function drawCircle() {
    var canvas = $("circle");
    var dpr = window.devicePixelRatio || 1;
    var box = canvas.getBoundingClientRect();
    if (canvas.width !== Math.round(box.width * dpr) || canvas.height !== Math.round(box.height * dpr)) {
      canvas.width = Math.round(box.width * dpr);
      canvas.height = Math.round(box.height * dpr);
    }
    var ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0); // draw in CSS pixels: a 16px label is 16px on the screen
    var w = box.width, h = box.height;
    ctx.clearRect(0, 0, w, h);
    if (!setup) { return; }
    var cx = w / 2, cy = h / 2, outer = Math.min(w * 0.40, h * 0.47);
    var segments = setup.segments.length, bins = setup.angleBins, classes = setup.classes.length;
    var inner = outer * 0.30, band = (outer * 0.95 - inner) / segments;
    var counts = lastTick && lastTick.bins;
    var biggest = 1;
    if (counts) {
      for (var k = 0; k < segments * bins; k++) {
        var total = 0;
        for (var c = 0; c < classes; c++) { total += counts[k * classes + c]; }
        biggest = Math.max(biggest, total);
      }
    }
    for (var s = 0; s < segments; s++) {
      var r0 = inner + s * band + 2, r1 = inner + (s + 1) * band - 2;
      ctx.fillStyle = "#f1f1ee";
      ring(ctx, cx, cy, r0, r1, 0, 2 * Math.PI);
      if (counts) {
        for (var b = 0; b < bins; b++) {
          var a0 = 2 * Math.PI * b / bins, a1 = 2 * Math.PI * (b + 1) / bins;
          var base = (s * bins + b) * classes, sum = 0;
          for (var c2 = 0; c2 < classes; c2++) { sum += counts[base + c2]; }
          if (sum === 0) { continue; }
          var filled = (r1 - r0) * Math.sqrt(sum / biggest), r = r0;
          for (var c3 = 0; c3 < classes; c3++) {
            var n = counts[base + c3];
            if (n === 0) { continue; }
            var dr = filled * n / sum;
            ctx.fillStyle = setup.classes[c3].colour;
            ring(ctx, cx, cy, r, r + dr, a0, a1 - 0.004);
            r += dr;
          }
        }
      }
    }
    ctx.strokeStyle = "#bbb";
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(cx, cy, outer, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.font = LABEL_FONT;
    ctx.textBaseline = "middle";
    var firmLabels = placeFirmLabels(ctx, cx, cy, outer, w, h);
    // segment names over the rings they name, at the angle where they meet no firm's marker or label
    var taken = firmLabels.map(function (l) { return l.box; }).concat(firmLabels.map(function (l) { return l.marker; }));
    var angle = segmentAngle(ctx, cx, cy, inner, band, taken, w, h);
    var segmentLabels = segmentBoxes(ctx, cx, cy, inner, band, angle);
    circleLabels = {firms: firmLabels.map(function (l) { return l.box; }),
      markers: firmLabels.map(function (l) { return l.marker; }), segments: segmentLabels};
    segmentLabels.forEach(function (b) {
      ctx.fillStyle = "rgba(255,255,255,0.9)";
      ctx.fillRect(b.x, b.y, b.w, b.h);
      ctx.fillStyle = "#222";
      ctx.textAlign = "center";
      ctx.fillText(b.text, b.x + b.w / 2, b.y + b.h / 2);
    });
    firmLabels.forEach(function (l) {
      ctx.fillStyle = l.active ? colourOf(l.archetype) : "#999";
      ctx.fillRect(l.marker.x, l.marker.y, l.marker.w, l.marker.h);
      ctx.strokeStyle = "#222";
      ctx.lineWidth = 1.5;
      ctx.strokeRect(l.marker.x, l.marker.y, l.marker.w, l.marker.h);
      ctx.fillStyle = "rgba(255,255,255,0.75)";
      ctx.fillRect(l.box.x, l.box.y, l.box.w, l.box.h);
      ctx.fillStyle = l.active ? "#222" : "#888";
      ctx.textAlign = "left";
      ctx.fillText(l.text, l.box.x + 2, l.box.y + l.box.h / 2);
    });
    if (setup.platform) {
      ctx.fillStyle = colourOf("platform");
      ctx.beginPath();
      ctx.arc(cx, cy, inner * 0.95, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = "#fff";
      ctx.textAlign = "center";
      ctx.font = "bold 17px system-ui, 'DejaVu Sans', Arial, sans-serif";
      ctx.fillText("Platform", cx, cy - 10);
      ctx.font = "16px system-ui, 'DejaVu Sans', Arial, sans-serif";
      ctx.fillText("take " + pct(100 * (values.take_rate || 0), 0), cx, cy + 11);
    }
  }

  var LABEL_FONT = "bold 16px system-ui, 'DejaVu Sans', Arial, sans-serif";
  var LABEL_HEIGHT = 20;

  /*
   * Each firm's marker on the outer ring and its label beside it, outward (right of the marker on the circle's right
   * half, left on its left, a line above or below near the top and bottom), inward where the canvas has no room
   * outside; a label that would cover one placed before moves away from the centre, a line at a time.
   */
  function placeFirmLabels(ctx, cx, cy, outer, w, h) {
    var firms = (lastTick && lastTick.firmState) || [];
    var out = [];
    firms.forEach(function (f) {
      if (f.position == null) { return; }
      var info = setup.firms.filter(function (x) { return x.index === f.index; })[0];
      var angle = 2 * Math.PI * f.position, x = cx + outer * Math.cos(angle), y = cy + outer * Math.sin(angle);
      var text = info.name + (f.active ? "" : " (gone)");
      var tw = ctx.measureText(text).width + 4;
      var right = Math.cos(angle) >= 0;
      if (right && x + 11 + tw > w - 2) { right = false; }
      if (!right && x - 11 - tw < 2) { right = true; }
      var bx = right ? Math.min(x + 11, w - 2 - tw) : Math.max(x - 11 - tw, 2);
      var ty = y + (Math.abs(Math.cos(angle)) < 0.3 ? (Math.sin(angle) < 0 ? -16 : 16) : 0);
      var box = {x: bx, y: ty - LABEL_HEIGHT / 2, w: tw, h: LABEL_HEIGHT};
      var away = Math.sin(angle) < 0 ? -1 : 1;
      for (var tries = 0; tries < 4 && out.some(function (o) { return overlaps(o.box, box); }); tries++) {
        box.y += away * (LABEL_HEIGHT + 2);
      }
      box.y = Math.max(1, Math.min(h - LABEL_HEIGHT - 1, box.y));
      out.push({text: text, active: f.active, archetype: f.archetype, box: box,
        marker: {x: x - 8, y: y - 8, w: 16, h: 16}});
    });
    return out;
  }

  /* The segment names' boxes, one a ring, centred on the ring at {@code angle}. */
  function segmentBoxes(ctx, cx, cy, inner, band, angle) {
    return setup.segments.map(function (label, s) {
      var r = inner + (s + 0.5) * band, tw = ctx.measureText(label).width + 10;
      var x = cx + r * Math.cos(angle), y = cy + r * Math.sin(angle);
      return {text: label, x: x - tw / 2, y: y - LABEL_HEIGHT / 2, w: tw, h: LABEL_HEIGHT};
    });
  }

  /*
   * Where the segment names go: the top of the circle if they cover nothing there, else the first angle, turning
   * from the top and then from the bottom by 10 degrees at a time up to 60 (so the names, one a ring, stay apart
   * up and down), at which they cover no firm's marker or label, no other name and stay on the canvas; failing all,
   * the angle where they cover least.
   */
  function segmentAngle(ctx, cx, cy, inner, band, taken, w, h) {
    var best = -Math.PI / 2, least = Infinity;
    var candidates = [];
    [-90, 90].forEach(function (base) {
      candidates.push(base);
      for (var turn = 10; turn <= 60; turn += 10) { candidates.push(base - turn, base + turn); }
    });
    for (var i = 0; i < candidates.length; i++) {
      var angle = candidates[i] * Math.PI / 180;
      var boxes = segmentBoxes(ctx, cx, cy, inner, band, angle), covered = 0;
      boxes.forEach(function (b, k) {
        taken.forEach(function (t) { covered += overlapArea(b, t); });
        for (var m = k + 1; m < boxes.length; m++) { covered += overlapArea(b, boxes[m]); }
        covered += b.w * b.h - overlapArea(b, {x: 0, y: 0, w: w, h: h});
      });
      if (covered === 0) { return angle; }
      if (covered < least) { least = covered; best = angle; }
    }
    return best;
  }

  function overlapArea(a, b) {
    var dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
    var dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
    return dx > 0 && dy > 0 ? dx * dy : 0;
  }

  function overlaps(a, b) { return overlapArea(a, b) > 0; }

  /* what tests read of the circle: the boxes of its labels as last drawn */
  var circleLabels = {firms: [], markers: [], segments: []};

  function ring(ctx, cx, cy, r0, r1, a0, a1) {
    ctx.beginPath();
    ctx.arc(cx, cy, r1, a0, a1);
    ctx.arc(cx, cy, r0, a1, a0, true);
    ctx.closePath();
    ctx.fill();
  }

  function colourOf(name) {
    if (name === "platform") { return "#009e73"; }
    var c = setup.classes.filter(function (x) { return x.name === name; })[0];
    return c ? c.colour : "#999";
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
