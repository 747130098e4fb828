// Operation pre-request script (Postman sandbox) for the escalation operations. They act on a
// demo case that is ready to escalate, found through the API itself, so the created case stays
// open for the PATCH probes (a case in review refuses status edits with a 409 before its body is
// read). The first request picks the case; each sends the version last read instead of the
// example's `version: 1`.
function sendVersion(version) {
  if (!pm.request.body || pm.request.body.mode !== "raw") return;
  let body;
  try {
    body = JSON.parse(pm.request.body.raw);
  } catch (error) {
    return;
  }
  if (body && !Array.isArray(body) && body.version === 1) {
    body.version = version;
    pm.request.body.raw = JSON.stringify(body);
  }
}

if (pm.collectionVariables.has("reviewCaseId")) {
  sendVersion(Number(pm.collectionVariables.get("reviewCaseVersion")));
} else {
  const url = `${pm.collectionVariables.get("baseUrl")}/api/v1/cases?status=open,waiting_on_customer&escalationReady=true&limit=1`;
  pm.sendRequest({ url, method: "GET", header: { Authorization: `Bearer ${pm.variables.get("apiToken")}` } }, (error, response) => {
    if (error || response.code !== 200) throw new Error(`No demo case ready to escalate: ${error || response.code}`);
    const item = response.json().items[0];
    if (!item) throw new Error("The demo data has no open case ready to escalate");
    pm.collectionVariables.set("reviewCaseId", item.id);
    pm.collectionVariables.set("reviewCaseVersion", item.version);
    sendVersion(item.version);
  });
}
