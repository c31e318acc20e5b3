import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessToken, phoneNumberId, startWhatsAppHarness, type WhatsAppHarness } from "./test-support.ts";

describe("WhatsApp stand-in: media", () => {
  let harness: WhatsAppHarness;
  beforeAll(async () => {
    harness = await startWhatsAppHarness();
    expect((await harness.register()).statusCode).toBe(200);
  });
  afterAll(() => harness.close());

  const upload = (form: FormData, token = accessToken) =>
    fetch(`${harness.sandboxUrl}/whatsapp/v21.0/${phoneNumberId}/media`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });

  it("uploads, describes and serves back the same bytes", async () => {
    const bytes = Buffer.from("%PDF-1.4 a tiny invoice");
    const form = new FormData();
    form.append("messaging_product", "whatsapp");
    form.append("type", "application/pdf");
    form.append("file", new Blob([bytes], { type: "application/pdf" }), "invoice.pdf");
    const uploaded = await upload(form);
    expect(uploaded.status).toBe(200);
    const { id } = (await uploaded.json()) as { id: string };
    expect(id).toMatch(/^\d+$/);

    const answer = await fetch(`${harness.sandboxUrl}/whatsapp/v21.0/${id}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const info = (await answer.json()) as { url: string };
    expect(info).toEqual({
      messaging_product: "whatsapp",
      url: `${harness.sandboxUrl}/whatsapp/media-files/${id}`,
      mime_type: "application/pdf",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      file_size: bytes.length,
      id,
    });

    const download = await fetch(info.url, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(info.url)).status).toBe(401);
  });

  it("refuses an upload without its file or type, or with a wrong token", async () => {
    const noFile = new FormData();
    noFile.append("messaging_product", "whatsapp");
    noFile.append("type", "image/png");
    const missing = await upload(noFile);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { code: number } }).error.code).toBe(100);

    const noType = new FormData();
    noType.append("messaging_product", "whatsapp");
    noType.append("file", new Blob(["x"]), "x.bin");
    expect((await upload(noType)).status).toBe(400);

    const complete = new FormData();
    complete.append("messaging_product", "whatsapp");
    complete.append("type", "image/png");
    complete.append("file", new Blob(["x"]), "x.png");
    expect((await upload(complete, "wrong-token")).status).toBe(401);
  });

  it("deletes media", async () => {
    const form = new FormData();
    form.append("messaging_product", "whatsapp");
    form.append("type", "text/plain");
    form.append("file", new Blob(["bye"]), "bye.txt");
    const { id } = (await (await upload(form)).json()) as { id: string };
    expect((await harness.graph("DELETE", id)).json()).toEqual({ success: true });
    expect((await harness.graph("GET", id)).statusCode).toBe(400);
  });
});
