import { parseArgs } from "node:util";
import { createSimulatedCustomer } from "@sbos/sandbox";

export const customerUsage =
  'sbos customer --phone +33612345678 [--name "Amélie"] [--number <phone number id>] [--url http://127.0.0.1:3000] [message]';

/**
 * Plays a WhatsApp customer against the sandbox of a running server: sends the message (if any),
 * then prints the conversation as the customer's phone shows it and marks the replies read.
 */
export async function runSimulatedCustomer(args: string[], defaultUrl: string) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      phone: { type: "string" },
      name: { type: "string" },
      number: { type: "string" },
      url: { type: "string" },
    },
  });
  if (!values.phone) throw new Error(`--phone is required: ${customerUsage}`);
  const customer = createSimulatedCustomer({
    sandboxUrl: `${(values.url ?? defaultUrl).replace(/\/+$/, "")}/sandbox`,
    waId: values.phone,
    name: values.name,
    phoneNumberId: values.number,
  });
  const text = positionals.join(" ").trim();
  if (text) await customer.send(text);
  for (const entry of await customer.transcript()) {
    const who = entry.direction === "in" ? "you     " : "business";
    console.log(
      `${entry.timestamp}  ${who}  ${entry.text || `[${entry.type}]`}${entry.direction === "out" ? `  (${entry.status})` : ""}`,
    );
  }
  await customer.markRead();
}
