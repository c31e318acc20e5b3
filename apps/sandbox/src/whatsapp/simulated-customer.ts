import type { TranscriptEntry } from "./customer-routes.ts";
import type { CustomerMessageInput } from "./inbound-messages.ts";

export type SimulatedCustomerOptions = {
  /** The sandbox root, e.g. `http://127.0.0.1:3000/sandbox`. */
  sandboxUrl: string;
  /** The customer's phone number; any formatting, only its digits count. */
  waId: string;
  name?: string;
  /** The business number written to; the first registered one by default. */
  phoneNumberId?: string;
};

export type SimulatedCustomer = {
  waId: string;
  send(text: string): Promise<{ messageId: string }>;
  sendImage(caption?: string): Promise<{ messageId: string }>;
  /** Any other kind of message: document, location, reaction, button or interactive reply. */
  sendMessage(input: Omit<CustomerMessageInput, "phoneNumberId" | "name">): Promise<{ messageId: string }>;
  transcript(): Promise<TranscriptEntry[]>;
  markRead(): Promise<{ read: number }>;
};

/** A customer on the other phone, for the CLI and tests: talks to the WhatsApp stand-in over HTTP. */
export function createSimulatedCustomer(options: SimulatedCustomerOptions): SimulatedCustomer {
  const waId = options.waId.replace(/\D/g, "");
  const base = `${options.sandboxUrl.replace(/\/+$/, "")}/whatsapp/customers/${waId}`;
  const query = options.phoneNumberId ? `?phoneNumberId=${encodeURIComponent(options.phoneNumberId)}` : "";

  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const response = await fetch(`${base}${path}`, init);
    const body = (await response.json()) as T & { error?: string };
    if (!response.ok)
      throw new Error(`WhatsApp sandbox answered ${response.status}: ${body.error ?? "no detail"}`);
    return body;
  };
  const sendMessage = (input: Omit<CustomerMessageInput, "phoneNumberId" | "name">) =>
    call<{ messageId: string }>("/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...input, phoneNumberId: options.phoneNumberId, name: options.name }),
    });

  return {
    waId,
    send: (text) => sendMessage({ type: "text", text }),
    sendImage: (caption) => sendMessage({ type: "image", text: caption }),
    sendMessage,
    transcript: async () => (await call<{ data: TranscriptEntry[] }>(`/conversation${query}`)).data,
    markRead: () => call<{ read: number }>(`/read${query}`, { method: "POST" }),
  };
}
