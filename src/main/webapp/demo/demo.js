// The demo application: everything it knows about the user's session goes through the SDK; it never sees the token.
import { createClient, PreconditionFailedError } from "/sdk/secureflows.js";

const secureFlows = createClient({
  issuer: location.origin,
  clientId: "demo",
  redirectUri: `${location.origin}/demo/`,
});

const $ = (id) => document.getElementById(id);
let etag = null;

function show(signedIn, status) {
  $("signedIn").hidden = !signedIn;
  $("signedOut").hidden = signedIn;
  $("status").textContent = status;
}

function fail(error) {
  $("error").hidden = false;
  $("error").textContent = error.message;
}

async function load() {
  const stored = await secureFlows.getPayload();
  etag = stored ? stored.etag : null;
  $("note").value = stored && typeof stored.document.note === "string" ? stored.document.note : "";
  show(true, stored ? "Signed in. Your note, as stored:" : "Signed in. Nothing stored yet.");
}

async function start() {
  try {
    await secureFlows.handleRedirect();
    if (!secureFlows.isSignedIn()) {
      await secureFlows.joinOtherTabs();
    }
    if (secureFlows.isSignedIn()) {
      await load();
    } else {
      show(false, "Not signed in.");
    }
  } catch (error) {
    show(false, "Not signed in.");
    fail(error);
  }
}

$("signIn").addEventListener("click", () => secureFlows.login());
$("reload").addEventListener("click", () => load().catch(fail));
$("save").addEventListener("click", async () => {
  try {
    etag = await secureFlows.putPayload({ note: $("note").value }, { ifMatch: etag });
    $("status").textContent = "Saved.";
  } catch (error) {
    if (error instanceof PreconditionFailedError) {
      $("status").textContent = "The note changed elsewhere since you loaded it: reload it first.";
    } else {
      fail(error);
    }
  }
});
$("signOut").addEventListener("click", async () => {
  await secureFlows.signOut().catch(fail);
  show(false, "Signed out. Your note stays stored for the next sign-in.");
});

start();
