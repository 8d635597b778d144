// Live progress for the admin ingestion page: polls the run's JSON and updates the bar and counters.
(() => {
  const section = document.querySelector("[data-run]");
  if (!section) return;
  const id = section.dataset.run;
  const bar = document.getElementById("run-progress");
  const field = name => section.querySelector(`[data-field="${name}"]`);
  const samples = [];

  const show = run => {
    for (const name of ["filesDone", "filesTotal", "articlesNew", "articlesUpdated", "articlesUnchanged", "filesFailed", "status"]) {
      const el = field(name);
      if (el) el.textContent = run[name];
    }
    bar.max = Math.max(run.filesTotal, 1);
    bar.value = run.filesDone;
    bar.textContent = `${run.filesDone} of ${run.filesTotal}`;
    samples.push([performance.now(), run.filesDone]);
    while (samples.length > 10) samples.shift();
    if (samples.length > 1) {
      const [t0, d0] = samples[0];
      const [t1, d1] = samples[samples.length - 1];
      const rate = (d1 - d0) / ((t1 - t0) / 1000);
      field("rate").textContent = rate.toFixed(1);
      const left = run.filesTotal - run.filesDone;
      field("eta").textContent = rate > 0 ? `${Math.ceil(left / rate)} s` : "–";
    }
  };

  const poll = async () => {
    try {
      const response = await fetch(`/api/ingest/runs/${id}`, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const run = await response.json();
      show(run);
      if (run.status === "running") setTimeout(poll, 500);
      // Finished: the page without the run it was asked to show, so it offers new runs and the history.
      else setTimeout(() => location.assign(location.pathname), 800);
    } catch {
      setTimeout(poll, 2000);
    }
  };
  poll();
})();
