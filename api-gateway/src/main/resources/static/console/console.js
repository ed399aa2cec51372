// FlowHub Jobs console: plain JavaScript over the gateway's own API, no build step.
// An operator (the internal key, or an ADMIN's sign-in) sees everyone's jobs, the audit log and the dead letters
// through /api/v1/internal; anyone else signed in sees their own jobs through /api/v1/jobs. What the API holds is
// only ever shown as text (textContent), never as markup.
'use strict';

const API = '/api/v1';
const UNFINISHED = ['queued', 'running'];
const MOST_STREAMS = 4; // the gateway allows a caller a few event streams; the rest are polled
const REFRESH_MS = 3000;
const PAGE = 50;

const session = { auth: null, role: null, label: '' };
const streams = new Map(); // job id -> AbortController
let filters = {};
let oldest = null; // the last job id of the list, for the next page
let detailJob = null;
let ledgerAfter = 0;
let refresher = null;

const $ = (id) => document.getElementById(id);

// ---- talking to the API -------------------------------------------------------------------------

function operator() {
  return session.auth !== null && (session.auth.key !== undefined || session.role === 'ADMIN');
}

function canChange() {
  return operator() || session.role === 'EDITOR';
}

function jobsBase() {
  return operator() ? `${API}/internal/jobs` : `${API}/jobs`;
}

function headers(extra) {
  const all = Object.assign({ Accept: 'application/json' }, extra || {});
  if (session.auth && session.auth.key !== undefined) {
    all['x-internal-key'] = session.auth.key;
  } else if (session.auth && session.auth.token) {
    all.Authorization = `Bearer ${session.auth.token}`;
  }
  return all;
}

/** Calls the API; answers the body's JSON, or throws an Error carrying the Problem Details' detail. */
async function call(path, options) {
  const init = { method: 'GET', ...(options || {}) };
  init.headers = headers(init.body ? { 'Content-Type': 'application/json' } : {});
  const response = await fetch(path, init);
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const detail = body && (body.detail || body.title);
    const error = new Error(detail || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

// ---- signing in ---------------------------------------------------------------------------------

async function signInWithPassword(event) {
  event.preventDefault();
  showSignInError('');
  try {
    const body = await call(`${API}/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ email: $('email').value, password: $('password').value }),
    });
    const data = body.data;
    begin({ token: data.token }, String(data.user.role).toUpperCase(), `${data.user.email} (${String(data.user.role).toLowerCase()})`);
  } catch (e) {
    showSignInError(e.message);
  }
}

async function signInWithKey(event) {
  event.preventDefault();
  showSignInError('');
  const auth = { key: $('internal-key').value };
  session.auth = auth;
  try {
    await call(`${API}/internal/jobs?limit=1`);
    begin(auth, null, 'operator (internal key)');
  } catch (e) {
    session.auth = null;
    showSignInError(e.message);
  }
}

function showSignInError(text) {
  $('sign-in-error').textContent = text;
}

function begin(auth, role, label) {
  session.auth = auth;
  session.role = role;
  session.label = label;
  sessionStorage.setItem('flowhub.console', JSON.stringify(session));
  $('password').value = '';
  $('internal-key').value = '';
  enter();
}

function enter() {
  $('sign-in').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  $('who').textContent = session.label;
  document.querySelectorAll('.operator-only').forEach((element) => { element.hidden = !operator(); });
  show('jobs');
}

function signOut() {
  sessionStorage.removeItem('flowhub.console');
  streams.forEach((controller) => controller.abort());
  streams.clear();
  clearInterval(refresher);
  session.auth = null;
  session.role = null;
  $('console').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  $('who').textContent = '';
  $('jobs').tBodies[0].replaceChildren();
}

function say(text, isError) {
  $('message').textContent = text;
  $('message').className = isError ? 'error' : '';
}

function failed(e) {
  if (e.status === 401) {
    signOut();
    showSignInError(`Signed out: ${e.message}`);
    return;
  }
  say(e.message, true);
}

// ---- views --------------------------------------------------------------------------------------

function show(view) {
  document.querySelectorAll('.view').forEach((element) => { element.hidden = element.id !== `view-${view}`; });
  document.querySelectorAll('nav button').forEach((button) => {
    button.classList.toggle('current', button.dataset.view === view);
  });
  clearInterval(refresher);
  say('');
  if (view === 'jobs') {
    loadJobs(true);
    refresher = setInterval(() => loadJobs(false), REFRESH_MS);
  } else if (view === 'audit') {
    loadAudit();
  } else if (view === 'dlt') {
    loadDeadLetters();
  } else if (view === 'runs') {
    loadRuns();
  }
}

// ---- jobs ---------------------------------------------------------------------------------------

function readFilters(event) {
  if (event) {
    event.preventDefault();
  }
  filters = { kind: $('filter-kind').value, status: $('filter-status').value };
  if (operator()) {
    filters.owner = $('filter-owner').value.trim();
  }
  $('jobs').tBodies[0].replaceChildren();
  loadJobs(true);
}

function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Reads the newest page again (a first load, or the periodic refresh), or the next older page. */
async function loadJobs(fresh, older) {
  try {
    const body = await call(jobsBase() + query({ ...filters, limit: PAGE, before: older ? oldest : null }));
    const jobs = body.data;
    const tbody = $('jobs').tBodies[0];
    if (fresh && !older) {
      const shown = new Set(jobs.map((job) => job.job_id));
      [...tbody.rows].forEach((row) => { if (!shown.has(row.dataset.jobId) && !row.dataset.older) row.remove(); });
    }
    jobs.forEach((job, index) => {
      const row = rowOf(job.job_id) || newRow(job.job_id, older, index);
      if (older) {
        row.dataset.older = 'true';
      }
      fillRow(row, job);
      follow(job);
    });
    if (older || oldest === null || fresh) {
      oldest = jobs.length ? jobs[jobs.length - 1].job_id : oldest;
      $('older').hidden = jobs.length < PAGE;
    }
    $('no-jobs').hidden = tbody.rows.length > 0;
  } catch (e) {
    failed(e);
  }
}

function rowOf(jobId) {
  return $('jobs').querySelector(`tr[data-job-id="${CSS.escape(jobId)}"]`);
}

function newRow(jobId, older, index) {
  const tbody = $('jobs').tBodies[0];
  const row = document.createElement('tr');
  row.dataset.jobId = jobId;
  for (let i = 0; i < 12; i++) {
    row.appendChild(document.createElement('td'));
  }
  const link = document.createElement('button');
  link.type = 'button';
  link.className = 'job-link';
  link.textContent = jobId;
  link.addEventListener('click', () => openDetail(jobId));
  row.cells[0].appendChild(link);
  const bar = document.createElement('progress');
  bar.max = 100;
  const percent = document.createElement('span');
  percent.className = 'percent';
  row.cells[5].append(bar, percent);
  row.cells[11].className = 'actions';
  [6, 7, 8, 9].forEach((i) => { row.cells[i].className = 'number'; });
  // why: a newer job than those shown goes on top; an older page goes below
  if (older || index >= tbody.rows.length) {
    tbody.appendChild(row);
  } else {
    tbody.insertBefore(row, tbody.rows[index]);
  }
  return row;
}

function fillRow(row, job) {
  const cells = row.cells;
  row.dataset.status = job.status;
  cells[1].textContent = job.kind;
  cells[2].textContent = job.operation + (job.undoes ? ` of ${job.undoes}` : '') + (job.dry_run ? ' (dry run)' : '');
  cells[3].textContent = job.owner || '';
  cells[4].textContent = job.status;
  cells[4].className = `status status-${job.status}`;
  const bar = cells[5].querySelector('progress');
  bar.value = job.progress;
  cells[5].querySelector('.percent').textContent = `${job.progress} %`;
  cells[6].textContent = job.processed;
  cells[7].textContent = job.skipped;
  cells[8].textContent = job.failed;
  cells[9].textContent = job.total_items;
  cells[10].textContent = when(job.created_at);
  const actions = cells[11];
  const wanted = [];
  if (canChange() && UNFINISHED.includes(job.status)) {
    wanted.push('cancel');
  }
  if (canChange() && job.undoable) {
    wanted.push('undo');
  }
  if (actions.dataset.actions !== wanted.join()) {
    actions.dataset.actions = wanted.join();
    actions.replaceChildren(...wanted.map((action) => actionButton(action, job.job_id)));
  }
  if (detailJob === job.job_id) {
    fillDetail(job);
  }
}

const ACTIONS = {
  cancel: {
    label: 'Cancel',
    className: 'cancel danger',
    question: (jobId) => `Cancel job ${jobId}? It stops at its next batch; what it did so far stays.`,
    done: async (jobId, body) => {
      fillRow(rowOf(jobId), body.data);
      say(`Job ${jobId} is cancelled.`);
    },
  },
  undo: {
    label: 'Undo',
    className: 'undo',
    question: (jobId) => `Undo job ${jobId}? A new job reverses what it changed; items changed since are skipped.`,
    done: async (jobId, body) => {
      say(`Undo of ${jobId} started as job ${body.job_id}.`);
      await loadJobs(true);
    },
  },
};

function actionButton(action, jobId) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = ACTIONS[action].className;
  button.textContent = ACTIONS[action].label;
  button.addEventListener('click', () => act(action, jobId, button));
  return button;
}

/** Asks, then POSTs /jobs/{id}/cancel or /undo; the button stays off while the call is under way. */
async function act(action, jobId, button) {
  if (!window.confirm(ACTIONS[action].question(jobId))) {
    return;
  }
  button.disabled = true;
  try {
    const body = await call(`${jobsBase()}/${jobId}/${action}`, { method: 'POST' });
    await ACTIONS[action].done(jobId, body);
  } catch (e) {
    button.disabled = false;
    failed(e);
  }
}

/** Follows an unfinished job's progress on its event stream, a few at a time; the others are polled. */
function follow(job) {
  if (!UNFINISHED.includes(job.status) || streams.has(job.job_id) || streams.size >= MOST_STREAMS) {
    return;
  }
  const controller = new AbortController();
  streams.set(job.job_id, controller);
  readStream(job.job_id, controller)
    .catch(() => { /* the stream ended early (a restart, a limit): the refresh polls the job */ })
    .finally(() => streams.delete(job.job_id));
}

async function readStream(jobId, controller) {
  const response = await fetch(`${jobsBase()}/${jobId}/events`, {
    headers: headers({ Accept: 'text/event-stream' }), signal: controller.signal,
  });
  if (!response.ok) {
    throw new Error(`events: ${response.status}`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffered = (buffered + value).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = block.split('\n').filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, '')).join('\n');
      if (data) {
        const job = JSON.parse(data);
        const row = rowOf(job.job_id);
        if (row) {
          fillRow(row, job);
        }
      }
    }
  }
}

// ---- one job ------------------------------------------------------------------------------------

async function openDetail(jobId) {
  detailJob = jobId;
  ledgerAfter = 0;
  $('ledger').tBodies[0].replaceChildren();
  try {
    const body = await call(`${jobsBase()}/${jobId}`);
    fillDetail(body.data);
    $('job-detail').hidden = false;
    await loadLedger();
    $('job-detail').scrollIntoView();
  } catch (e) {
    failed(e);
  }
}

function fillDetail(job) {
  $('detail-id').textContent = job.job_id;
  definitions($('detail-fields'), {
    kind: job.kind, operation: job.operation, undoes: job.undoes, owner: job.owner, status: job.status,
    'dry run': job.dry_run ? 'yes' : 'no', progress: `${job.progress} %`, 'total items': job.total_items,
    processed: job.processed, skipped: job.skipped, failed: job.failed, attempts: job.attempts,
    'failure reason': job.failure_reason, created: when(job.created_at), started: when(job.started_at),
    finished: when(job.finished_at),
  });
  definitions($('detail-skips'), job.skip_reasons || {});
  definitions($('detail-result'), job.result || {});
  const errors = $('detail-errors').tBodies[0];
  errors.replaceChildren(...(job.errors || []).map((error) => row([error.item_id, error.reason])));
  // why: a bulk job deletes nothing for good, and most jobs have no errors; their headings would only take room
  showWithHeading($('detail-result'), Object.keys(job.result || {}).length > 0);
  showWithHeading($('detail-errors'), errors.rows.length > 0);
}

function showWithHeading(element, shown) {
  element.hidden = !shown;
  element.previousElementSibling.hidden = !shown;
}

async function loadLedger() {
  try {
    const body = await call(`${jobsBase()}/${detailJob}/ledger${query({ after: ledgerAfter, limit: PAGE })}`);
    const entries = body.data;
    $('ledger').tBodies[0].append(...entries.map((entry) => row([
      entry.batch, when(entry.at), entry.item_ids.length, entry.processed, entry.skipped, entry.failed,
      summary(entry.deleted), summary(Object.fromEntries(Object.entries(entry.tag_changes || {})
        .map(([tag, ids]) => [tag, ids.length]))),
    ])));
    if (entries.length) {
      ledgerAfter = entries[entries.length - 1].batch;
    }
    $('more-ledger').hidden = entries.length < PAGE;
  } catch (e) {
    failed(e);
  }
}

function closeDetail() {
  detailJob = null;
  $('job-detail').hidden = true;
}

// ---- audit log and dead letters -----------------------------------------------------------------

async function loadAudit() {
  try {
    const body = await call(`${API}/internal/audit?limit=200`);
    $('audit').tBodies[0].replaceChildren(...body.data.map((entry) => row([
      when(entry.at), entry.caller, entry.endpoint, entry.outcome + (entry.count > 1 ? ` (×${entry.count})` : ''),
      entry.environment, entry.dry_run ? 'yes' : '', entry.job_id || '', summary(entry.counts || {}),
    ])));
  } catch (e) {
    failed(e);
  }
}

async function loadRuns() {
  try {
    const body = await call(`${API}/internal/runs`);
    $('runs').tBodies[0].replaceChildren(...body.data.map((run) => {
      const tr = row([run.run_id, run.items, run.users, run.files, when(run.created_at), when(run.last_activity_at),
        run.expires_at ? when(run.expires_at) : 'no lease']);
      tr.className = 'run';
      tr.dataset.runId = run.run_id;
      return tr;
    }));
  } catch (e) {
    failed(e);
  }
}

async function loadDeadLetters() {
  const topic = $('dlt-topic').value;
  $('refresh-dlt').disabled = true;
  try {
    const body = await call(`${API}/internal/dlt/${encodeURIComponent(topic)}?limit=100`);
    const rows = body.data.map((letter) => {
      const tr = row([letter.partition, letter.offset, when(letter.at), letter.key || '', letter.reason || '',
        '', letter.replayed_at ? when(letter.replayed_at) : '', '']);
      tr.dataset.partition = letter.partition;
      tr.dataset.offset = letter.offset;
      tr.className = 'dead-letter';
      const record = document.createElement('pre');
      record.className = 'record';
      record.textContent = letter.value;
      tr.cells[5].appendChild(record);
      const replay = document.createElement('button');
      replay.type = 'button';
      replay.className = 'replay';
      replay.textContent = 'Replay';
      replay.addEventListener('click', () => replayLetter(topic, letter, replay));
      tr.cells[7].appendChild(replay);
      return tr;
    });
    $('dead-letters').tBodies[0].replaceChildren(...rows);
    $('no-dead-letters').hidden = rows.length > 0;
  } catch (e) {
    failed(e);
  } finally {
    $('refresh-dlt').disabled = false;
  }
}

async function replayLetter(topic, letter, button) {
  if (!window.confirm(`Send the record at partition ${letter.partition}, offset ${letter.offset} back to ${topic}?`)) {
    return;
  }
  button.disabled = true;
  try {
    const body = await call(`${API}/internal/dlt/${encodeURIComponent(topic)}/replay`, {
      method: 'POST', body: JSON.stringify({ records: [{ partition: letter.partition, offset: letter.offset }] }),
    });
    const refused = (body.not_replayed || [])[0];
    say(body.replayed.length
      ? `Replayed partition ${letter.partition}, offset ${letter.offset} to ${topic}; its job shows under Jobs.`
      : refused ? refused.reason : `That record is no longer on ${topic}.dlt.`, body.replayed.length === 0);
    await loadDeadLetters();
  } catch (e) {
    button.disabled = false;
    failed(e);
  }
}

// ---- small helpers ------------------------------------------------------------------------------

function row(values) {
  const tr = document.createElement('tr');
  values.forEach((value) => {
    const td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '' : String(value);
    tr.appendChild(td);
  });
  return tr;
}

function definitions(dl, entries) {
  const children = [];
  Object.entries(entries).forEach(([name, value]) => {
    if (value === null || value === undefined || value === '') {
      return;
    }
    const dt = document.createElement('dt');
    dt.textContent = name.replace(/_/g, ' ');
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    children.push(dt, dd);
  });
  dl.replaceChildren(...children);
}

function summary(counts) {
  return Object.entries(counts || {}).filter(([, count]) => count).map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

// ---- wiring -------------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('password-form').addEventListener('submit', signInWithPassword);
  $('key-form').addEventListener('submit', signInWithKey);
  $('sign-out').addEventListener('click', signOut);
  $('filters').addEventListener('submit', readFilters);
  $('older').addEventListener('click', () => loadJobs(false, true));
  $('close-detail').addEventListener('click', closeDetail);
  $('more-ledger').addEventListener('click', loadLedger);
  $('refresh-audit').addEventListener('click', loadAudit);
  $('refresh-runs').addEventListener('click', loadRuns);
  $('refresh-dlt').addEventListener('click', loadDeadLetters);
  $('dlt-topic').addEventListener('change', loadDeadLetters);
  document.querySelectorAll('nav button').forEach((button) => {
    button.addEventListener('click', () => show(button.dataset.view));
  });
  const kept = sessionStorage.getItem('flowhub.console');
  if (kept) {
    Object.assign(session, JSON.parse(kept));
    enter();
  }
});
