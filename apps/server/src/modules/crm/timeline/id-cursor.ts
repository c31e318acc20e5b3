import { AppError } from "../../../platform/http/errors.ts";
import { decodeCursor } from "../../../platform/http/pagination.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The last id of the previous page, for lists keyset-paged by id (timeline, notes, a company's
 * contacts). Checked here, so a tampered cursor is a 400 rather than a failed uuid cast.
 */
export function decodeIdCursor(cursor: string | undefined): string | undefined {
  const id = decodeCursor(cursor);
  if (id !== undefined && !uuidPattern.test(id)) {
    throw new AppError("validation", "The cursor is not one this API returned.", {
      errors: [{ field: "querystring.cursor", message: "invalid cursor" }],
    });
  }
  return id;
}
