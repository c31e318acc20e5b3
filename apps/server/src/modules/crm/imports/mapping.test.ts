import { describe, expect, it } from "vitest";
import { checkMapping, compactHeader, compileMapping, guessMapping } from "./mapping.ts";

const guessed = (columns: string[], customFields: { key: string; label: string }[] = []) =>
  Object.entries(guessMapping(columns, customFields)).filter(([, target]) => target !== "ignore");

describe("guessing the mapping", () => {
  it("ignores case, accents, spaces, dashes and underscores", () => {
    expect(compactHeader(" E-mail_Address ")).toBe("emailaddress");
    expect(compactHeader("Téléphone")).toBe("telephone");
    expect(compactHeader("Straße")).toBe("strasse");
  });

  it("knows English, French, Spanish and German headers", () => {
    expect(
      guessMapping(["First Name", "Last Name", "E-mail Address", "Mobile Phone", "Company"], []),
    ).toEqual({
      "First Name": "firstName",
      "Last Name": "lastName",
      "E-mail Address": "email",
      "Mobile Phone": "phone",
      Company: "company",
    });
    expect(guessMapping(["Prénom", "Nom", "Courriel", "Téléphone", "Société", "Étiquettes"], [])).toEqual({
      Prénom: "firstName",
      Nom: "lastName",
      Courriel: "email",
      Téléphone: "phone",
      Société: "company",
      Étiquettes: "tags",
    });
    expect(guessMapping(["Nombre", "Apellidos", "Correo electrónico", "Teléfono", "Empresa"], [])).toEqual({
      Nombre: "firstName",
      Apellidos: "lastName",
      "Correo electrónico": "email",
      Teléfono: "phone",
      Empresa: "company",
    });
    expect(guessMapping(["Vorname", "Nachname", "E-Mail-Adresse", "Handy", "Firma", "Sprache"], [])).toEqual({
      Vorname: "firstName",
      Nachname: "lastName",
      "E-Mail-Adresse": "email",
      Handy: "phone",
      Firma: "company",
      Sprache: "language",
    });
  });

  it("maps the CRM fields, consent columns and custom fields by key or label", () => {
    expect(
      guessed(
        [
          "Full name",
          "Tags",
          "Lifecycle stage",
          "Lead Source",
          "Time zone",
          "WhatsApp opt-in",
          "Plan",
          "renewal_date",
        ],
        [
          { key: "plan", label: "Subscription plan" },
          { key: "renewal_date", label: "Renewal" },
        ],
      ),
    ).toEqual([
      ["Full name", "name"],
      ["Tags", "tags"],
      ["Lifecycle stage", "lifecycleStage"],
      ["Lead Source", "source"],
      ["Time zone", "timezone"],
      ["WhatsApp opt-in", "consent.whatsapp"],
      ["Plan", "custom.plan"],
      ["renewal_date", "custom.renewal_date"],
    ]);
  });

  it("gives the primary email and phone to the most primary column, the rest become further ones", () => {
    expect(
      guessed(["Business Phone", "E-mail 2 Address", "Mobile Phone", "E-mail Address", "Home Phone", "Fax"]),
    ).toEqual([
      ["Business Phone", "phones"],
      ["E-mail 2 Address", "emails"],
      ["Mobile Phone", "phone"],
      ["E-mail Address", "email"],
      ["Home Phone", "phones"],
    ]);
  });

  it("reads Google Contacts' numbered columns and leaves their type columns alone", () => {
    expect(
      guessed([
        "Name",
        "Given Name",
        "Given Name Yomi",
        "Family Name",
        "E-mail 1 - Type",
        "E-mail 1 - Value",
        "E-mail 2 - Value",
        "Phone 1 - Type",
        "Phone 1 - Value",
        "Phone 2 - Value",
        "Organization 1 - Name",
        "Organization 1 - Title",
      ]),
    ).toEqual([
      ["Name", "name"],
      ["Given Name", "firstName"],
      ["Family Name", "lastName"],
      ["E-mail 1 - Value", "email"],
      ["E-mail 2 - Value", "emails"],
      ["Phone 1 - Value", "phone"],
      ["Phone 2 - Value", "phones"],
      ["Organization 1 - Name", "company"],
    ]);
  });

  it("maps a single target once and ignores what it does not know", () => {
    expect(guessMapping(["Company", "Organisation", "Notes", "Job Title"], [])).toEqual({
      Company: "company",
      Organisation: "ignore",
      Notes: "ignore",
      "Job Title": "ignore",
    });
  });
});

describe("checking a mapping", () => {
  const columns = ["Name", "Email", "Phone", "Other"];

  it("accepts a usable mapping", () => {
    expect(checkMapping({ Name: "name", Email: "email", Other: "ignore" }, columns, new Set())).toEqual([]);
    expect(checkMapping({ Phone: "phone", Other: "custom.plan" }, columns, new Set(["plan"]))).toEqual([]);
  });

  it("names the column of an unknown target, an unknown column, a target mapped twice", () => {
    const errors = checkMapping(
      { Name: "name", Email: "mail", Phone: "name", Other: "custom.nope", Missing: "email" },
      columns,
      new Set(),
    );
    expect(errors.map((error) => error.field)).toEqual([
      "body.mapping.Email",
      "body.mapping.Phone",
      "body.mapping.Other",
      "body.mapping.Missing",
    ]);
    expect(errors[0]?.message).toMatch(/unknown target/);
    expect(errors[1]?.message).toMatch(/already mapped/);
  });

  it("needs a name, email or phone", () => {
    expect(checkMapping({ Other: "tags", Name: "ignore" }, columns, new Set())).toEqual([
      { field: "body.mapping", message: expect.stringMatching(/name, firstName, lastName, email or phone/) },
    ]);
  });

  it("compiles targets to column indexes, repeated list targets together", () => {
    const compiled = compileMapping(
      { Name: "name", Email: "emails", Other: "emails", Phone: "ignore" },
      columns,
    );
    expect([...compiled]).toEqual([
      ["name", [0]],
      ["emails", [1, 3]],
    ]);
  });
});
