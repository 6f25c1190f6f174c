// The explorer's JSON API (docs/openapi.yaml). The access token, when the server needs one,
// arrives in the address's fragment (#token=…), which browsers never send to a server; it
// is kept for this tab only and sent as `Authorization: Bearer …` with every call.

const TOKEN_KEY = "pitstop-token";

function takeToken() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const fromAddress = fragment.get("token");
  if (fromAddress) {
    sessionStorage.setItem(TOKEN_KEY, fromAddress);
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = takeToken();

/** An API error: the HTTP status, the server's message and any diagnostics. */
export class APIError extends Error {
  constructor(status, message, diagnostics = [], retryAfter = null) {
    super(message);
    this.status = status;
    this.diagnostics = diagnostics;
    this.retryAfter = retryAfter;
  }
}

async function call(method, path, body) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = json?.error ?? {};
    const retry = Number(response.headers.get("Retry-After")) || null;
    throw new APIError(response.status, error.message ?? response.statusText, error.diagnostics ?? [], retry);
  }
  return { json, cached: response.headers.get("X-Pitstop-Cache") === "hit" };
}

export const api = {
  scenarios: () => call("GET", "api/scenarios").then((r) => r.json),
  scenario: (id, lang) => call("GET", `api/scenarios/${encodeURIComponent(id)}?lang=${lang}`).then((r) => r.json),
  check: (request) => call("POST", "api/check", request).then((r) => r.json),
  run: (request) => call("POST", "api/runs", request),
  progress: (ticket) => call("GET", `api/progress/${encodeURIComponent(ticket)}`).then((r) => r.json),
  save: (request) => call("POST", "api/whatif/save", request).then((r) => r.json),
  open: (text) => call("POST", "api/whatif/open", { text }).then((r) => r.json),
};
