// The candidate's interview page: one SignalR connection to /hubs/interview, state kept in localStorage
// so a reload (or a dropped connection) resumes the same session. A coach's link (/#key=evk_...) carries the
// cohort's API key: the page keeps it, and interviews started with it are filed under the coach's organisation.
"use strict";

const STORAGE_KEY = "evaluator.session";
const KEY_STORAGE = "evaluator.key";

const DIMENSIONS = [
  ["requirements", "Requirements"],
  ["metrics", "Metrics"],
  ["data", "Data"],
  ["modelling", "Modelling"],
  ["serving", "Serving"],
  ["monitoring", "Monitoring"],
];

const STEPS = [
  ["clarify-requirements", "Clarify requirements"],
  ["frame-problem", "Frame the problem"],
  ["data", "Data"],
  ["model", "Model"],
  ["evaluation", "Evaluation"],
  ["serving", "Serving"],
  ["monitoring", "Monitoring"],
];

const LEVEL_NAMES = { 0: "missing", 1: "mentioned", 2: "specific", 3: "specific and justified" };

// Keyed by the end reason with case and separators dropped ("completed", "turn-budget", "EndedByCandidate").
const END_REASONS = {
  completed: "all seven steps covered",
  turnbudget: "ended at the answer limit",
  endedbycandidate: "ended early by you",
};

const $ = (id) => document.getElementById(id);

const state = {
  connection: null,
  cases: [],
  session: loadSession(), // {sessionId, resumeToken, caseId}
  key: takeKey(),         // the cohort link's API key, or null
  caseDetail: null,       // GET /api/cases/{id}: criteria descriptions and exemplars
  step: null,
  done: false,
  busy: false,
  report: null,
  unsent: null,           // {text, candidateTurns}: an answer whose send failed, until the server's transcript is read
};

// ---------- small DOM helpers ----------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function show(section) {
  for (const id of ["setup", "interview", "report"]) $(id).hidden = id !== section;
}

function stepTitle(id) {
  return (STEPS.find(([key]) => key === id) || [id, id === "done" ? "Done" : id])[1];
}

function dimensionTitle(id) {
  return (DIMENSIONS.find(([key]) => key === id) || [id, id])[1];
}

// ---------- errors and connection status ----------

/** Hub errors arrive as "An unexpected error occurred invoking 'X' on the server. HubException: message". */
function errorText(error) {
  const message = (error && error.message) || String(error);
  const hub = message.match(/HubException:\s*([\s\S]*)$/);
  return hub ? hub[1].trim() : message;
}

function showError(error) {
  $("error-text").textContent = typeof error === "string" ? error : errorText(error);
  $("error").hidden = false;
}

function clearError() {
  $("error").hidden = true;
  $("error-text").textContent = "";
}

function setConnection(stateName, text) {
  const node = $("connection");
  node.dataset.state = stateName;
  node.textContent = text;
  updateControls();
}

function connected() {
  return state.connection && state.connection.state === signalR.HubConnectionState.Connected;
}

function updateControls() {
  const online = connected();
  const canAnswer = online && !state.busy && !state.done;
  $("answer").disabled = !online || state.done;
  $("send-button").disabled = !canAnswer;
  $("end-button").disabled = !online || state.busy;
  $("start-button").disabled = !online || state.busy || !$("case-select").value;
  $("transcript").setAttribute("aria-busy", state.busy ? "true" : "false");
}

function setBusy(busy) {
  state.busy = busy;
  updateControls();
}

// ---------- session storage ----------

function loadSession() {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const session = raw && JSON.parse(raw);
    return session && session.sessionId && session.resumeToken ? session : null;
  } catch {
    return null;
  }
}

function saveSession(session) {
  state.session = session;
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
}

// ---------- the cohort link's key ----------

/** The key from a coach's link (moved out of the address bar, so it is not bookmarked or shared on), or the one kept. */
function takeKey() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("key");
  if (fromLink) {
    localStorage.setItem(KEY_STORAGE, fromLink.trim());
    history.replaceState(null, "", location.pathname + location.search);
  }
  return localStorage.getItem(KEY_STORAGE);
}

function forgetKey() {
  localStorage.removeItem(KEY_STORAGE);
  state.key = null;
}

function apiHeaders() {
  return state.key ? { Accept: "application/json", "X-Api-Key": state.key } : { Accept: "application/json" };
}

/**
 * Checks the link's key and names its organisation. The banner (and its way out) shows whenever a key is in use,
 * even when the check fails; a key the server refuses, or one that is not a candidate key, is dropped with the reason.
 */
async function checkKey() {
  if (!state.key) return;
  showCohort(null);
  const response = await fetch("/api/key", { headers: apiHeaders() });
  if (response.status === 401) {
    dropKey("The key in your coach's link is not valid (unknown or revoked), so your interviews are not shared. " +
      "Ask your coach for a new link; until then you practise privately.");
    return;
  }
  if (!response.ok) throw new Error(`Could not check the key of your coach's link (HTTP ${response.status}).`);
  const key = await response.json();
  if (key.role !== "candidate") {
    dropKey("This link carries a coach's own key, which candidates must not keep, so the page dropped it and your " +
      "interviews are not shared. Ask your coach for a cohort link made with a candidate key.");
    return;
  }
  showCohort(key.organisation);
}

function showCohort(organisation) {
  $("cohort-text").textContent = organisation
    ? `Your interviews are shared with your coach at ${organisation}.`
    : "Your interviews are shared with your coach (the key of the link is not checked yet).";
  $("cohort").hidden = false;
}

/** Stops using the key; once the page is running, its connection and case list are made again without it. */
function dropKey(reason) {
  forgetKey();
  $("cohort").hidden = true;
  showError(reason);
  if (!state.connection) return; // still starting: both are made after the key check
  if (state.connection.state !== signalR.HubConnectionState.Disconnected) state.connection.stop();
  loadCases().catch(showError); // the organisation's own cases are no longer offered
}

// ---------- cases ----------

async function loadCases() {
  const response = await fetch("/api/cases", { headers: apiHeaders() });
  if (!response.ok) throw new Error(`Could not load the cases (HTTP ${response.status}).`);
  state.cases = await response.json();
  const select = $("case-select");
  select.replaceChildren(
    el("option", { value: "", text: "Choose a case…" }),
    ...state.cases.map((c) => el("option", { value: c.id, text: c.title })));
  if (state.cases.length === 1) select.value = state.cases[0].id;
  showCasePrompt();
}

function showCasePrompt() {
  const chosen = state.cases.find((c) => c.id === $("case-select").value);
  $("case-prompt").textContent = chosen ? chosen.prompt : "";
  updateControls();
}

async function loadCaseDetail(caseId) {
  if (state.caseDetail && state.caseDetail.id === caseId) return state.caseDetail;
  const response = await fetch(`/api/cases/${encodeURIComponent(caseId)}`, { headers: apiHeaders() });
  if (!response.ok) throw new Error(`Could not load the case '${caseId}' (HTTP ${response.status}).`);
  state.caseDetail = await response.json();
  return state.caseDetail;
}

function findCriterion(dimension, id) {
  const list = (state.caseDetail && state.caseDetail.dimensions && state.caseDetail.dimensions[dimension]) || [];
  return list.find((c) => c.id === id) || null;
}

function caseTitle(caseId) {
  const known = state.cases.find((c) => c.id === caseId);
  return known ? known.title : (state.caseDetail && state.caseDetail.title) || caseId;
}

// ---------- interview view ----------

function renderSteps(step) {
  const current = STEPS.findIndex(([id]) => id === step);
  const finished = step === "done";
  $("steps").replaceChildren(...STEPS.map(([id, title], i) => {
    const status = finished || i < current ? "complete" : i === current ? "current" : "upcoming";
    return el("li", { class: status, "data-step": id, "aria-current": status === "current" ? "step" : null },
      el("span", { class: "step-number", "aria-hidden": "true", text: String(i + 1) }),
      el("span", { class: "step-title", text: title }),
      status === "complete" ? el("span", { class: "visually-hidden", text: " (done)" }) : null);
  }));
  $("current-step").textContent = finished
    ? "All steps covered. End the interview to see your report."
    : `Step ${current + 1} of ${STEPS.length}: ${stepTitle(step)}`;
  $("current-step").dataset.step = step;
}

function renderCoverage(coverage) {
  $("coverage").replaceChildren(...DIMENSIONS.map(([id, title]) => {
    const value = Math.max(0, Math.min(100, Math.round((coverage && coverage[id]) || 0)));
    return el("li", { "data-dimension": id },
      el("span", { class: "bar-label", id: `coverage-${id}`, text: title }),
      el("span", { class: "bar-value", "aria-hidden": "true", text: `${value}%` }),
      el("div", {
        class: "bar", role: "progressbar", "aria-labelledby": `coverage-${id}`,
        "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(value),
      }, el("div", { class: "bar-fill", style: `width: ${value}%` })));
  }));
}

function isCandidate(role) {
  return role === "candidate" || role === "user";
}

function appendMessage(role, text, at) {
  const who = isCandidate(role) ? "You" : "Interviewer";
  const body = el("p", { class: "message-text", text });
  const message = el("div", { class: `message ${isCandidate(role) ? "candidate" : "interviewer"}`, "data-role": role },
    el("p", { class: "message-who" }, who,
      at ? el("time", { datetime: at, text: ` · ${new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}` }) : null),
    body);
  $("transcript").append(message);
  scrollTranscript();
  return { message, body };
}

function scrollTranscript() {
  const log = $("transcript");
  log.scrollTop = log.scrollHeight;
}

function applyTurnState(result) {
  state.step = result.step;
  state.done = Boolean(result.done) || result.step === "done";
  renderSteps(state.step);
  if (result.coverage) renderCoverage(result.coverage);
  $("end-button").classList.toggle("primary", state.done);
  $("end-button").classList.toggle("secondary", !state.done);
  updateControls();
}

function enterInterview(caseId) {
  $("interview-title").textContent = caseTitle(caseId);
  show("interview");
}

async function startInterview(caseId) {
  clearError();
  setBusy(true);
  try {
    const started = await state.connection.invoke("StartInterview", caseId);
    saveSession({ sessionId: started.sessionId, resumeToken: started.resumeToken, caseId });
    await loadCaseDetail(caseId).catch(showError);
    $("transcript").replaceChildren();
    enterInterview(caseId);
    appendMessage("interviewer", started.message);
    applyTurnState({ step: started.step, coverage: {}, done: false });
    $("answer").focus();
  } catch (error) {
    // Revoked while the page was open: the server refuses to file interviews under it.
    if (state.key && errorText(error).startsWith("The API key is not valid")) dropKey(errorText(error));
    else showError(error);
  } finally {
    setBusy(false);
  }
}

/** Brings the page in line with the server's record of the session (after a reload, a reconnect or a failed send). */
async function resumeInterview() {
  const session = state.session;
  if (!session || !connected()) return null;
  try {
    const resumed = await state.connection.invoke("Resume", session.sessionId, session.resumeToken);
    if (session.caseId) await loadCaseDetail(session.caseId).catch(showError);
    $("transcript").replaceChildren();
    for (const turn of resumed.transcript || []) appendMessage(turn.role, turn.text, turn.at);
    enterInterview(session.caseId);
    applyTurnState(resumed);
    giveBackUnsent(resumed);
    return resumed;
  } catch (error) {
    // A dropped connection is retried by the reconnect; only the server saying no ends the session here.
    if (!isHubError(error)) return null;
    saveSession(null);
    showError(`Could not resume your interview: ${errorText(error)}`);
    show("setup");
    return null;
  }
}

function isHubError(error) {
  return /HubException/.test((error && error.message) || "");
}

/** An answer whose send failed goes back into the box unless the server recorded it. */
function giveBackUnsent(resumed) {
  const unsent = state.unsent;
  if (!unsent) return;
  state.unsent = null;
  const candidateTurns = (resumed.transcript || []).filter((t) => isCandidate(t.role)).length;
  if (candidateTurns <= unsent.candidateTurns && !$("answer").value) $("answer").value = unsent.text;
}

/** Runs a resume with the answer box locked, so an answer cannot race the re-rendered transcript. */
async function whileBusy(action) {
  setBusy(true);
  try {
    return await action();
  } finally {
    setBusy(false);
  }
}

/** Streams the interviewer's reply chunk by chunk, then reads the new step and coverage. */
async function sendAnswer(text) {
  const session = state.session;
  clearError();
  setBusy(true);
  const answerBox = $("answer");
  const candidateTurns = $("transcript").querySelectorAll(".message.candidate").length;
  answerBox.value = "";
  appendMessage("candidate", text);
  const reply = appendMessage("interviewer", "");
  reply.message.classList.add("streaming");
  try {
    await new Promise((resolve, reject) => {
      state.connection.stream("StreamAnswer", session.sessionId, session.resumeToken, text).subscribe({
        next: (chunk) => { reply.body.textContent += chunk; scrollTranscript(); },
        complete: resolve,
        error: reject,
      });
    });
    reply.message.classList.remove("streaming");
    const resumed = await state.connection.invoke("Resume", session.sessionId, session.resumeToken);
    applyTurnState(resumed);
  } catch (error) {
    showError(error);
    // Show what the server actually kept (now, or once reconnected) and give the text back if it was not taken.
    state.unsent = { text, candidateTurns };
    await resumeInterview();
  } finally {
    setBusy(false);
    if (!state.done) answerBox.focus();
  }
}

async function endInterview() {
  const session = state.session;
  if (!session) return;
  clearError();
  setBusy(true);
  try {
    const report = normaliseReport(await state.connection.invoke("EndInterview", session.sessionId, session.resumeToken));
    await loadCaseDetail(report.case || session.caseId).catch(showError);
    saveSession(null);
    state.report = report;
    renderReport(report);
    show("report");
    $("report-title").focus();
  } catch (error) {
    showError(error);
  } finally {
    setBusy(false);
  }
}

// ---------- report ----------

/** The hub's report wraps the scoring contract in `evaluation` next to the transcript; flatten it for rendering. */
function normaliseReport(raw) {
  const evaluation = raw.evaluation || raw;
  return {
    id: evaluation.id || raw.sessionId,
    case: raw.case || evaluation.case,
    scorer: evaluation.scorer,
    rubricVersion: evaluation.rubricVersion,
    overall: evaluation.overall,
    dimensions: evaluation.dimensions || {},
    flags: evaluation.flags || [],
    fallbackFrom: evaluation.fallbackFrom,
    fallbackReason: evaluation.fallbackReason,
    endReason: raw.endReason,
    transcript: raw.transcript || [],
  };
}

function renderReport(report) {
  $("report-title").textContent = `Report: ${caseTitle(report.case)}`;
  const fallback = report.fallbackFrom ? ` (fell back from ${report.fallbackFrom}: ${report.fallbackReason || "unknown reason"})` : "";
  const reason = END_REASONS[String(report.endReason || "").toLowerCase().replace(/[^a-z]/g, "")];
  const ended = reason ? ` · ${reason}` : "";
  $("report-meta").textContent = `Case ${report.case} · rubric version ${report.rubricVersion} · scored by ${report.scorer}${fallback}${ended}`;
  $("overall").textContent = `${report.overall}`;
  $("overall").setAttribute("aria-label", `Overall score ${report.overall} out of 100`);
  $("chart").replaceChildren(radarChart(report.dimensions));

  $("score-rows").replaceChildren(...DIMENSIONS.map(([id, title]) => {
    const d = report.dimensions[id] || { score: 0, level: 0 };
    return el("tr", {}, el("th", { scope: "row", text: title }), el("td", { text: String(d.score) }),
      el("td", { text: `${d.level} · ${LEVEL_NAMES[d.level] || ""}` }));
  }));

  const flags = report.flags || [];
  $("flags").replaceChildren(...(flags.length
    ? [el("p", { class: "flags-label", text: "Flags" }), ...flags.map((f) => el("span", { class: "flag", text: f }))]
    : []));

  $("dimensions").replaceChildren(...DIMENSIONS.map(([id, title]) => dimensionSection(id, title, report.dimensions[id], report.scorer)));
}

function dimensionSection(id, title, result, scorer) {
  const d = result || { score: 0, level: 0, criteria: [], missing: [] };
  const covered = (d.criteria || []).filter((c) => c.level > 0);
  const missing = d.missing || [];

  const evidence = covered.length
    ? el("ul", { class: "criteria" }, covered.map((c) => {
        const rubric = findCriterion(id, c.id);
        return el("li", { class: "criterion", "data-criterion": c.id },
          el("p", { class: "criterion-head" },
            el("span", { class: "criterion-name", text: rubric ? rubric.description : c.id }),
            el("span", { class: `level level-${c.level}`, text: `level ${c.level}` })),
          evidenceQuotes(c.evidence || []));
      }))
    : el("p", { class: "empty", text: "No evidence for this dimension in your answers." });
  const oneSentence = d.level === 1 && oneSentenceOnly(scorer, covered)
    ? el("p", { class: "one-sentence", text: ONE_SENTENCE })
    : null;

  const missed = missing.length
    ? el("ul", { class: "criteria" }, missing.map((m) => {
        const rubric = findCriterion(id, m.id);
        return el("li", { class: "criterion missed", "data-criterion": m.id },
          el("p", { class: "criterion-head" }, el("span", { class: "criterion-name", text: rubric ? rubric.description : m.id })),
          m.probe ? el("p", { class: "probe" }, el("strong", { text: "Ask yourself: " }), m.probe) : null,
          rubric && rubric.exemplar
            ? el("div", { class: "exemplar" }, el("p", { class: "exemplar-label", text: "A strong answer" }),
                el("p", { class: "exemplar-text", text: rubric.exemplar }))
            : null);
      }))
    : el("p", { class: "empty", text: "Nothing missed here." });

  return el("section", { class: "panel dimension", "data-dimension": id, "aria-labelledby": `dimension-${id}` },
    el("div", { class: "dimension-head" },
      el("h2", { id: `dimension-${id}`, text: title }),
      el("p", { class: "dimension-score" }, el("strong", { text: String(d.score) }), " / 100 · level ", String(d.level))),
    el("div", { class: "dimension-body" },
      el("div", {}, el("h3", { text: "Evidence from your answers" }), evidence, oneSentence),
      el("div", {}, el("h3", { text: "What was missed" }), missed)));
}

/**
 * The local and onnx scorers keep a dimension that one sentence backs at 1 however that sentence reads: the report says
 * so. The llm judge decides depth itself.
 */
const ONE_SENTENCE = "All of this comes from one sentence, and one sentence only mentions a dimension: say how, with "
  + "what numbers and why, in more than one to raise it.";

function oneSentenceOnly(scorer, covered) {
  return scorer !== "llm" && new Set(covered.flatMap((c) => c.evidence || [])).size === 1;
}

/** The first quotes in full; the rest folded away so one talkative answer does not bury the report. */
function evidenceQuotes(evidence) {
  const quotes = [...new Set(evidence)];
  const shown = quotes.slice(0, 2).map((quote) => el("blockquote", { class: "evidence", text: quote }));
  if (quotes.length <= 2) return shown;
  return [...shown, el("details", { class: "more-evidence" },
    el("summary", { text: `${quotes.length - 2} more quote${quotes.length > 3 ? "s" : ""}` }),
    quotes.slice(2).map((quote) => el("blockquote", { class: "evidence", text: quote })))];
}

/** A six-axis radar chart as inline SVG (no chart library). */
function radarChart(dimensions) {
  const size = 360, cx = size / 2, cy = size / 2, radius = 120;
  const angle = (i) => (Math.PI * 2 * i) / DIMENSIONS.length - Math.PI / 2;
  const point = (i, value) => [cx + Math.cos(angle(i)) * radius * value / 100, cy + Math.sin(angle(i)) * radius * value / 100];
  const polygon = (values) => values.map((v, i) => point(i, v).map((n) => n.toFixed(1)).join(",")).join(" ");
  const scores = DIMENSIONS.map(([id]) => (dimensions[id] ? dimensions[id].score : 0));
  const summary = DIMENSIONS.map(([, title], i) => `${title} ${scores[i]}`).join(", ");

  const rings = [25, 50, 75, 100].map((r) =>
    svg("polygon", { class: "radar-ring", points: polygon(DIMENSIONS.map(() => r)) }));
  const axes = DIMENSIONS.map((_, i) => {
    const [x, y] = point(i, 100);
    return svg("line", { class: "radar-axis", x1: cx, y1: cy, x2: x.toFixed(1), y2: y.toFixed(1) });
  });
  const labels = DIMENSIONS.map(([id, title], i) => {
    const [x, y] = point(i, 124);
    const anchor = Math.abs(x - cx) < 1 ? "middle" : x > cx ? "start" : "end";
    return svg("text", { class: "radar-label", x: x.toFixed(1), y: (y + (y < cy ? -4 : y > cy + 1 ? 14 : 4)).toFixed(1), "text-anchor": anchor, "data-dimension": id },
      svg("tspan", { class: "radar-label-name" }, title),
      svg("tspan", { class: "radar-label-score", dx: "6" }, String(scores[i])));
  });
  const dots = scores.map((s, i) => {
    const [x, y] = point(i, s);
    return svg("circle", { class: "radar-dot", cx: x.toFixed(1), cy: y.toFixed(1), r: "4" },
      svg("title", {}, `${DIMENSIONS[i][1]}: ${s}`));
  });

  return svg("svg", { viewBox: `-70 -10 ${size + 140} ${size + 20}`, role: "img", "aria-labelledby": "chart-title", class: "radar" },
    svg("title", { id: "chart-title" }, `Scores per dimension: ${summary}`),
    ...rings, ...axes,
    svg("polygon", { class: "radar-area", points: polygon(scores) }),
    ...dots, ...labels);
}

function toMarkdown(report) {
  const lines = [];
  lines.push(`# Interview report: ${caseTitle(report.case)}`, "");
  lines.push(`- Case: ${report.case} (rubric version ${report.rubricVersion})`);
  lines.push(`- Scorer: ${report.scorer}${report.fallbackFrom ? ` (fell back from ${report.fallbackFrom}: ${report.fallbackReason || ""})` : ""}`);
  lines.push(`- Overall: ${report.overall}/100`);
  lines.push(`- Flags: ${(report.flags || []).length ? report.flags.join(", ") : "none"}`, "");
  lines.push("| Dimension | Score | Level |", "|---|---:|---:|");
  for (const [id, title] of DIMENSIONS) {
    const d = report.dimensions[id] || { score: 0, level: 0 };
    lines.push(`| ${title} | ${d.score} | ${d.level} |`);
  }
  for (const [id, title] of DIMENSIONS) {
    const d = report.dimensions[id] || { score: 0, level: 0, criteria: [], missing: [] };
    lines.push("", `## ${title}: ${d.score}/100 (level ${d.level})`, "", "### Evidence", "");
    const covered = (d.criteria || []).filter((c) => c.level > 0);
    if (!covered.length) lines.push("No evidence for this dimension.");
    for (const c of covered) {
      const rubric = findCriterion(id, c.id);
      lines.push(`- **${c.id}** (level ${c.level})${rubric ? `: ${rubric.description}` : ""}`);
      for (const quote of new Set(c.evidence || [])) lines.push(`  > ${quote.replace(/\s+/g, " ").trim()}`);
    }
    if (d.level === 1 && oneSentenceOnly(report.scorer, covered)) lines.push("", ONE_SENTENCE);
    lines.push("", "### Missed", "");
    if (!(d.missing || []).length) lines.push("Nothing missed.");
    for (const m of d.missing || []) {
      const rubric = findCriterion(id, m.id);
      lines.push(`- **${m.id}**${rubric ? `: ${rubric.description}` : ""}`);
      if (m.probe) lines.push(`  - Probe: ${m.probe}`);
      if (rubric && rubric.exemplar) lines.push(`  - Exemplar: ${rubric.exemplar.replace(/\s+/g, " ").trim()}`);
    }
  }
  if ((report.transcript || []).length) {
    lines.push("", "## Transcript", "");
    for (const turn of report.transcript) {
      lines.push(`**${isCandidate(turn.role) ? "Candidate" : "Interviewer"}:** ${turn.text.replace(/\s+/g, " ").trim()}`, "");
    }
  }
  return lines.join("\n").trimEnd() + "\n";
}

function downloadMarkdown() {
  const report = state.report;
  if (!report) return;
  const blob = new Blob([toMarkdown(report)], { type: "text/markdown;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: `evaluator-report-${report.case}-${report.id}.md` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------- connection ----------

function buildConnection() {
  const connection = new signalR.HubConnectionBuilder()
    // A browser cannot set headers on a WebSocket: the key goes as the access token (the server reads it on /hubs).
    // Asked on every (re)connect, so a dropped key is not sent again.
    .withUrl("/hubs/interview", { accessTokenFactory: () => state.key })
    // Keep trying for as long as the page is open: at once, after 1 s, 2 s, 5 s, then every 10 s.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => [0, 1000, 2000, 5000][ctx.previousRetryCount] ?? 10000 })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  // Turns taken in another tab or device on the same session: re-read the session.
  connection.on("TurnsRecorded", (sessionId) => {
    if (state.session && state.session.sessionId === sessionId && !state.busy) whileBusy(resumeInterview);
  });
  connection.onreconnecting(() => setConnection("reconnecting", "Reconnecting…"));
  connection.onreconnected(async () => {
    setConnection("connected", "Connected");
    // Whatever was in flight failed with the old connection; the server's transcript is the truth.
    if (state.session) await whileBusy(resumeInterview);
  });
  connection.onclose(() => {
    setConnection("offline", "Disconnected. Retrying…");
    startConnection();
  });
  return connection;
}

async function startConnection() {
  for (let attempt = 0; ; attempt++) {
    try {
      setConnection("connecting", attempt ? "Reconnecting…" : "Connecting…");
      await state.connection.start();
      setConnection("connected", "Connected");
      return;
    } catch {
      setConnection("offline", "Cannot reach the server. Retrying…");
      await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** attempt, 10000)));
    }
  }
}

// ---------- wiring ----------

function wire() {
  $("case-select").addEventListener("change", showCasePrompt);
  $("start-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const caseId = $("case-select").value;
    if (caseId) startInterview(caseId);
  });
  $("answer-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("answer").value.trim();
    if (!text || state.busy || state.done || !connected()) return;
    sendAnswer(text);
  });
  $("answer").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("answer-form").requestSubmit();
    }
  });
  $("end-button").addEventListener("click", endInterview);
  $("download-button").addEventListener("click", downloadMarkdown);
  $("new-button").addEventListener("click", () => {
    state.report = null;
    clearError();
    show("setup");
    $("case-select").focus();
  });
  $("error-close").addEventListener("click", clearError);
  $("cohort-leave").addEventListener("click", () => {
    // The connection and the case list were made with the key: start the page again without it.
    forgetKey();
    location.reload();
  });
}

async function main() {
  wire();
  renderCoverage({});
  show(state.session ? "interview" : "setup");
  await checkKey().catch(showError);
  state.connection = buildConnection();
  const cases = loadCases().catch(showError);
  await startConnection();
  await cases;
  if (state.session) await whileBusy(resumeInterview);
}

main();
