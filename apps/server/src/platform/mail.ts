import { desc, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Config } from "./config.ts";
import type { Db } from "./db/client.ts";
import { newId } from "./ids.ts";
import { devMail } from "./mail-tables.ts";

export type MailMessage = { to: string; subject: string; text: string };

export type Mailer = { send(message: MailMessage): Promise<void> };

/** Real SMTP when `SMTP_URL` is set; otherwise the dev mailbox in the database, so links work on a fresh machine. */
export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom">, db: Db): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      send: async (message) => {
        await transport.sendMail({ from: config.mailFrom, ...message });
      },
    };
  }
  return {
    send: async (message) => {
      await db.insert(devMail).values({ id: newId(), ...message });
    },
  };
}

export async function listDevMail(db: Db, limit = 100) {
  return db.select().from(devMail).orderBy(desc(devMail.id)).limit(limit);
}

export async function findDevMail(db: Db, id: string) {
  const [row] = await db.select().from(devMail).where(eq(devMail.id, id));
  return row;
}
