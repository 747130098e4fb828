// Collection pre-request script (Postman sandbox). A PATCH built from the document's example sends
// `version: 1`; the case it edits has moved on by the time the variations run, and a stale version
// is answered 409 before the body is validated. Send the version last answered instead, so each
// variation reaches the validation it is meant to probe. Other versions (e.g. a deliberately wrong
// one) are left alone.
if (pm.request.method === "PATCH" && pm.request.body && pm.request.body.mode === "raw" && pm.collectionVariables.has("caseVersion")) {
  let body;
  try {
    body = JSON.parse(pm.request.body.raw);
  } catch (error) {
    body = null;
  }
  if (body && !Array.isArray(body) && body.version === 1) {
    body.version = Number(pm.collectionVariables.get("caseVersion"));
    pm.request.body.raw = JSON.stringify(body);
  }
}
