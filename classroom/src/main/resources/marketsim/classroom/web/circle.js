/* The taste circle of the browser lesson's page, drawn also on the game's teacher's page: consumers by segment (a
 * ring each) and taste (the angle), coloured by their last supplier's archetype; each firm's marker at its position
 * on the outer ring; the platform at the centre with its take rate. It draws what the server sends (Frames): the
 * set-up's segments, angle bins, classes, firms and platform, and a tick's bins and firm states. */
(function () {
  "use strict";

  var setup = null, lastTick = null, takeRate = 0;

  function pct(v, digits) {
    return v == null || isNaN(v) ? "\u2013" : Number(v).toFixed(digits == null ? 1 : digits) + "%";
  }

  function drawCircle(canvas) {
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
      ctx.fillText("take " + pct(100 * (takeRate || 0), 0), cx, cy + 11);
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

  /**
   * Draws the circle on {@code canvas} from the set-up {@code s}, the tick {@code tick} (null: the rings empty) and
   * the platform's take rate; returns the boxes of its labels as drawn (what tests read).
   */
  function draw(canvas, s, tick, rate) {
    setup = s; lastTick = tick; takeRate = rate;
    drawCircle(canvas);
    return circleLabels;
  }

  window.MarketCircle = {draw: draw};
})();
