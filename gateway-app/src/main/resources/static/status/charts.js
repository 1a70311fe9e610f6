// Tiny hand-written SVG charts for the status page: a multi-series line chart and a horizontal bar chart.
"use strict";
const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const PALETTE = ["#58a6ff", "#3fb950", "#d29922", "#f778ba", "#a371f7", "#79c0ff", "#ffa657", "#56d4dd"];

  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function color(i) { return PALETTE[i % PALETTE.length]; }

  function niceMax(v) {
    if (!(v > 0)) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  /** series: [{name, points: [number]}], all the same length (oldest first). */
  function lines(svg, series, opts) {
    const w = 600, h = 200, left = 40, bottom = 18, top = 8;
    svg.replaceChildren();
    const n = Math.max(2, ...series.map(s => s.points.length));
    const max = niceMax(Math.max(0, ...series.flatMap(s => s.points)));
    for (let g = 0; g <= 4; g++) {
      const y = top + (h - top - bottom) * (1 - g / 4);
      svg.append(el("line", {x1: left, x2: w, y1: y, y2: y, stroke: "#30363d"}));
      svg.append(el("text", {x: 2, y: y + 4}, (max * g / 4).toFixed(max < 4 ? 1 : 0)));
    }
    svg.append(el("text", {x: left, y: h - 3}, opts && opts.span ? "-" + opts.span : ""));
    svg.append(el("text", {x: w - 24, y: h - 3}, "now"));
    series.forEach((s, i) => {
      const pts = s.points.map((v, k) => {
        const x = left + (w - left) * (k + n - s.points.length) / (n - 1);
        const y = top + (h - top - bottom) * (1 - v / max);
        return x.toFixed(1) + "," + y.toFixed(1);
      });
      if (pts.length > 1) {
        svg.append(el("polyline", {points: pts.join(" "), fill: "none", stroke: color(i), "stroke-width": 2}));
      }
    });
  }

  /** bars: [{name, value}] */
  function bars(svg, items, format) {
    const w = 600, rowH = 26, left = 120;
    svg.replaceChildren();
    const max = niceMax(Math.max(0, ...items.map(b => b.value)));
    svg.setAttribute("viewBox", `0 0 ${w} ${Math.max(1, items.length) * rowH + 4}`);
    items.forEach((b, i) => {
      const y = i * rowH + 4;
      const bw = (w - left - 90) * (b.value / max);
      svg.append(el("text", {x: 0, y: y + 15}, b.name));
      svg.append(el("rect", {x: left, y: y, width: Math.max(1, bw), height: 18, rx: 3, fill: color(i)}));
      svg.append(el("text", {x: left + bw + 6, y: y + 14}, format ? format(b.value) : String(b.value)));
    });
  }

  function legend(div, names) {
    div.replaceChildren();
    names.forEach((name, i) => {
      const span = document.createElement("span");
      const swatch = document.createElement("i");
      swatch.style.background = color(i);
      span.append(swatch, document.createTextNode(name));
      div.append(span);
    });
  }

  return {lines, bars, legend};
})();
