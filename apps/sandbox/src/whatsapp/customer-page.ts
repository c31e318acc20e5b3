// The script is served as its own file: in-process, the server's Content-Security-Policy forbids inline scripts.

export const customerPageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WhatsApp customer · sbos sandbox</title>
<style>
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{display:flex;flex-direction:column;font-family:system-ui,sans-serif;background:#efeae2;color:#111b21}
header{background:#075e54;color:#fff;padding:.75rem 1rem}
h1{font-size:1.1rem;margin:0 0 .5rem}
fieldset{border:0;margin:0;padding:0;display:grid;gap:.5rem;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr))}
label{display:flex;flex-direction:column;font-size:.8rem;gap:.2rem}
input,select,textarea,button{font:inherit;padding:.5rem;border-radius:.5rem;border:1px solid #b3b3b3}
main{flex:1;overflow-y:auto;padding:1rem}
ol{list-style:none;margin:0 auto;padding:0;max-width:48rem;display:flex;flex-direction:column;gap:.4rem}
li{max-width:80%;padding:.4rem .6rem;border-radius:.6rem;background:#fff;box-shadow:0 1px 1px #0002;white-space:pre-wrap;overflow-wrap:anywhere}
li[data-direction=in]{align-self:flex-end;background:#d9fdd3}
li[data-direction=out]{align-self:flex-start}
.meta{display:block;text-align:right;font-size:.7rem;color:#667781;margin-top:.2rem}
.read{color:#53bdeb}.failed{color:#b00020}.label{font-size:.75rem;color:#667781;display:block}
#notice{text-align:center;font-size:.85rem;color:#54656f;min-height:1.2em;margin:.5rem 0}
form.composer{display:flex;gap:.5rem;padding:.5rem;background:#f0f2f5}
form.composer textarea{flex:1;resize:none}
button{background:#00a884;color:#fff;border:0;cursor:pointer;min-width:3rem}
button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #53bdeb}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
</style>
<script src="customer.js" defer></script>
</head>
<body>
<header>
<h1>Simulated WhatsApp customer</h1>
<fieldset>
<legend class="visually-hidden">Who writes, to which business</legend>
<label>Business number<select id="number" data-testid="customer-number"></select></label>
<label>Your phone<input id="phone" data-testid="customer-phone" type="tel" autocomplete="tel" value="+33 6 12 34 56 78"></label>
<label>Your name<input id="name" data-testid="customer-name" autocomplete="name" value="Camille Martin"></label>
</fieldset>
</header>
<main>
<ol id="transcript" data-testid="customer-transcript" aria-label="Conversation" aria-live="polite"></ol>
<p id="notice" role="status"></p>
</main>
<form id="composer" class="composer">
<label class="visually-hidden" for="input">Message</label>
<textarea id="input" data-testid="customer-input" rows="1" placeholder="Message" autocomplete="off"></textarea>
<button type="button" id="send-image" data-testid="customer-send-image" aria-label="Send a sample image">Image</button>
<button type="submit" data-testid="customer-send">Send</button>
</form>
</body>
</html>
`;

export const customerPageScript = `"use strict";
const byId = (id) => document.getElementById(id);
const numberSelect = byId("number");
const phoneInput = byId("phone");
const nameInput = byId("name");
const input = byId("input");
const transcript = byId("transcript");
const notice = byId("notice");
const ticks = { accepted: "🕓", sent: "✓", delivered: "✓✓", read: "✓✓", failed: "⚠" };
let rendered = "";

const waId = () => phoneInput.value.replace(/\\D/g, "");
const numberQuery = () => "?phoneNumberId=" + encodeURIComponent(numberSelect.value);

async function call(path, init) {
  const response = await fetch(path, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || "HTTP " + response.status);
  return body;
}

async function loadNumbers() {
  const { data } = await call("numbers");
  const chosen = numberSelect.value;
  numberSelect.replaceChildren(...data.map((number) => {
    const option = document.createElement("option");
    option.value = number.phoneNumberId;
    option.textContent = number.verifiedName + " (" + number.displayPhoneNumber + ")";
    return option;
  }));
  if (data.some((number) => number.phoneNumberId === chosen)) numberSelect.value = chosen;
  notice.textContent = data.length === 0 ? "No business number is registered yet: start the server." : "";
}

function renderMessage(message) {
  const item = document.createElement("li");
  item.dataset.testid = "customer-message";
  item.dataset.direction = message.direction;
  item.dataset.status = message.status;
  if (message.template) {
    const label = document.createElement("span");
    label.className = "label";
    label.textContent = "Template " + message.template;
    item.append(label);
  }
  const kind = message.type === "text" || message.type === "template" ? "" : "[" + message.type + "] ";
  item.append(kind + message.text);
  const meta = document.createElement("span");
  meta.className = "meta";
  const time = new Date(message.timestamp).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const tick = message.direction === "out" ? " " + ticks[message.status] : "";
  meta.textContent = time + tick + (message.error ? " " + message.error.title : "");
  if (message.direction === "out") meta.classList.add(message.status);
  meta.title = message.status;
  item.append(meta);
  return item;
}

async function refresh() {
  if (!numberSelect.value || waId().length < 6) return;
  const { data } = await call("customers/" + waId() + "/conversation" + numberQuery());
  const snapshot = JSON.stringify(data);
  if (snapshot !== rendered) {
    rendered = snapshot;
    transcript.replaceChildren(...data.map(renderMessage));
    transcript.lastElementChild?.scrollIntoView({ block: "end" });
  }
  const unread = data.some((m) => m.direction === "out" && ["accepted", "sent", "delivered"].includes(m.status));
  if (unread && document.visibilityState === "visible")
    await call("customers/" + waId() + "/read" + numberQuery(), { method: "POST" });
}

async function send(message) {
  if (waId().length < 6) throw new Error("Type your phone number first.");
  await call("customers/" + waId() + "/messages", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phoneNumberId: numberSelect.value || undefined, name: nameInput.value || undefined, ...message }),
  });
  await refresh();
}

const report = (error) => { notice.textContent = error.message; };

byId("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  send({ type: "text", text }).then(() => { input.value = ""; notice.textContent = ""; }, report);
});
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    byId("composer").requestSubmit();
  }
});
byId("send-image").addEventListener("click", () => {
  const caption = input.value.trim();
  send({ type: "image", text: caption || undefined }).then(() => { input.value = ""; }, report);
});
for (const field of [numberSelect, phoneInput]) field.addEventListener("change", () => { rendered = ""; refresh().catch(report); });
document.addEventListener("visibilitychange", () => refresh().catch(report));

loadNumbers().then(refresh).catch(report);
setInterval(() => refresh().catch(report), 1000);
setInterval(() => { if (!numberSelect.value) loadNumbers().catch(report); }, 5000);
`;
