// The status page: polls /status/feed every 2 s and redraws. No build step, no dependencies.
"use strict";
(() => {
  const POLL_MS = 2000;
  const HISTORY = 150; // 5 minutes of 2 s samples
  const history = []; // [{t, apps: {app: requests}}]
  let lastOk = 0;

  const $ = id => document.getElementById(id);
  const fmt = n => Number(n).toLocaleString("en-US");
  const usd = n => "$" + Number(n).toFixed(n >= 1 ? 2 : 6);

  function cell(row, text, cls) {
    const td = document.createElement("td");
    if (text instanceof Node) td.append(text); else td.textContent = text === null || text === undefined ? "–" : String(text);
    if (cls) td.className = cls;
    row.append(td);
    return td;
  }

  function healthDot(health) {
    const span = document.createElement("span");
    const dot = document.createElement("span");
    dot.className = "dot " + health;
    span.append(dot, document.createTextNode(health));
    return span;
  }

  function loadBar(value, max) {
    const outer = document.createElement("div");
    outer.className = "bar";
    const inner = document.createElement("div");
    inner.style.width = Math.min(100, max > 0 ? 100 * value / max : 0) + "%";
    outer.append(inner);
    return outer;
  }

  function fill(tableId, rows, render) {
    const body = $(tableId).tBodies[0];
    body.replaceChildren(...rows.map(r => { const tr = document.createElement("tr"); render(tr, r); return tr; }));
  }

  function render(feed) {
    $("policy-version").textContent = feed.policy.version;
    $("policy-source").textContent = "(" + feed.policy.source + ")";
    $("uptime").textContent = Math.floor(feed.uptime_s / 60) + " min";
    $("total-requests").textContent = fmt(feed.totals.requests);
    $("total-failed").textContent = fmt(feed.totals.failed);
    $("total-tokens").textContent = fmt(feed.totals.prompt_tokens) + " / " + fmt(feed.totals.completion_tokens);
    $("total-cost").textContent = usd(feed.totals.cost_usd);

    const now = Date.now();
    const sample = {t: now, total: feed.totals.requests, apps: {}};
    feed.apps.forEach(a => { sample.apps[a.app] = a.requests; });
    history.push(sample);
    if (history.length > HISTORY + 1) history.shift();
    const names = feed.apps.map(a => a.app);
    const series = names.map(name => ({name, points: rates(name)}));
    Charts.lines($("chart-rate"), series, {span: "5 min"});
    Charts.legend($("legend-rate"), names);
    const prev = history.length > 1 ? history[history.length - 2] : null;
    $("total-rate").textContent = prev ? ((sample.total - prev.total) * 1000 / Math.max(1, now - prev.t)).toFixed(1) : "0";
    Charts.bars($("chart-cost"), feed.apps.map(a => ({name: a.app, value: a.cost_usd})), usd);

    const maxLoad = Math.max(1, ...feed.deployments.map(d => d.in_flight));
    fill("backends", feed.deployments, (tr, d) => {
      tr.dataset.deployment = d.id;
      cell(tr, d.id); cell(tr, d.pool); cell(tr, d.zone); cell(tr, d.model);
      cell(tr, healthDot(d.health)); cell(tr, d.circuit); cell(tr, d.in_flight);
      cell(tr, loadBar(d.in_flight, maxLoad)); cell(tr, fmt(d.attempts)); cell(tr, fmt(d.failures));
      cell(tr, d.latency_ms); cell(tr, d.ttft_ms);
    });
    const pools = $("pools");
    pools.replaceChildren(...feed.pools.map(p => {
      const div = document.createElement("div");
      div.className = "pool";
      const name = document.createElement("div");
      name.className = "name";
      name.append(healthDot(p.health), document.createTextNode(" " + p.pool));
      const sub = document.createElement("div");
      sub.className = "sub";
      sub.textContent = `${p.zone} · ${p.deployments} deployment(s) · ${p.in_flight} in flight · ${fmt(p.attempts)} attempts · ${fmt(p.failures)} failed`;
      div.append(name, sub);
      return div;
    }));
    fill("apps", feed.apps, (tr, a) => {
      cell(tr, a.app); cell(tr, fmt(a.requests)); cell(tr, fmt(a.failed)); cell(tr, fmt(a.prompt_tokens));
      cell(tr, fmt(a.completion_tokens)); cell(tr, usd(a.cost_usd));
    });
    fill("decisions", feed.decisions, (tr, d) => {
      cell(tr, new Date(d.at).toLocaleTimeString()); cell(tr, d.app); cell(tr, d.model); cell(tr, d.rule);
      cell(tr, d.deployment); cell(tr, d.data_class); cell(tr, d.status); cell(tr, d.outcome, "outcome-" + d.outcome);
      cell(tr, d.latency_ms); cell(tr, d.attempts);
    });
  }

  function rates(app) {
    const out = [];
    for (let i = 1; i < history.length; i++) {
      const a = history[i - 1], b = history[i];
      out.push(Math.max(0, ((b.apps[app] || 0) - (a.apps[app] || 0)) * 1000 / Math.max(1, b.t - a.t)));
    }
    return out;
  }

  async function poll() {
    try {
      const res = await fetch("/status/feed", {cache: "no-store"});
      if (!res.ok) throw new Error("HTTP " + res.status);
      render(await res.json());
      lastOk = Date.now();
      $("feed-state").textContent = "live";
      $("feed-state").className = "feed-state ok";
    } catch (e) {
      if (Date.now() - lastOk > 3 * POLL_MS) {
        $("feed-state").textContent = "no data (" + e.message + ")";
        $("feed-state").className = "feed-state stale";
      }
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  poll();
})();
