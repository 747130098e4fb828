// Operation pre-request script (Postman sandbox) for the administration operations, which run with
// the demo tenant's admin token against the demo tenant itself, so they must leave it as they found
// it. PATCH /members/{userId} acts on the first active member (the demo's admin) with
// `{ active: true }`, which changes nothing; PUT /rule-settings sends the tenant's current version
// (instead of the example's) with the demo's own settings, which changes nothing either. The
// invitation and the token these probes withdraw and revoke are the ones the run itself created.
const EXAMPLE_VERSION = 2;

function sendVersion(version) {
  if (!pm.request.body || pm.request.body.mode !== "raw") return;
  let body;
  try {
    body = JSON.parse(pm.request.body.raw);
  } catch {
    return;
  }
  if (body && !Array.isArray(body) && body.version === EXAMPLE_VERSION) {
    body.version = version;
    pm.request.body.raw = JSON.stringify(body);
  }
}

function get(path, use) {
  const url = `${pm.collectionVariables.get("baseUrl")}${path}`;
  pm.sendRequest({ url, method: "GET", header: { Authorization: `Bearer ${pm.variables.get("apiToken")}` } }, (error, response) => {
    if (error || response.code !== 200) throw new Error(`GET ${path} failed: ${error || response.code}`);
    use(response.json());
  });
}

const path = pm.request.url.getPath();
if (pm.request.method === "PUT" && path.endsWith("/rule-settings")) {
  get("/api/v1/rule-settings", (settings) => sendVersion(settings.version));
} else if (pm.request.method === "PATCH" && path.includes("/members/") && !pm.collectionVariables.has("memberUserId")) {
  get("/api/v1/members", (list) => {
    const member = list.members.find((candidate) => candidate.active);
    if (!member) throw new Error("The demo tenant has no active member");
    pm.collectionVariables.set("memberUserId", member.userId);
  });
}
