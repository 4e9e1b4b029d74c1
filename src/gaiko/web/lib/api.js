// Reading the JSON API. Answers are kept for the life of the page: the data change only with a
// new build, and the server's ETags let the browser revalidate on the next visit.

const cache = new Map();

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.detail || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function load(path) {
  // No custom headers: the request must match the <link rel="preload" as="fetch"> in index.html.
  const response = await fetch(path);
  const body = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, body, total: Number(response.headers.get("X-Total-Count")) };
}

// { ok, status, body, total } for one GET; failures are answers too (a 404 carries suggestions).
export function get(path) {
  if (!cache.has(path)) {
    const pending = load(path);
    cache.set(path, pending);
    pending.then((answer) => { if (!answer.ok) cache.delete(path); }, () => cache.delete(path));
  }
  return cache.get(path);
}

// The body of a GET, or an ApiError.
export async function json(path) {
  const answer = await get(path);
  if (!answer.ok) throw new ApiError(answer.status, answer.body);
  return answer.body;
}

// Every row of a paged list (limit 500 a page), following X-Total-Count.
export async function all(path) {
  const join = path.includes("?") ? "&" : "?";
  const first = await get(`${path}${join}limit=500`);
  if (!first.ok) throw new ApiError(first.status, first.body);
  const rows = [...first.body];
  const pages = [];
  for (let offset = 500; offset < first.total; offset += 500) pages.push(json(`${path}${join}limit=500&offset=${offset}`));
  for (const page of await Promise.all(pages)) rows.push(...page);
  return rows;
}
