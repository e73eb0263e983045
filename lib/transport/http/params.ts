// A page's dynamic URL segments, read safely: a malformed one (`/users/%/`, `/match/xyz/`) is a 404
// like an unknown one, never an exception in the server log.
import { matchIdParamSchema } from "../../protocol/http";

/** The segment percent-decoded, or null when it is not valid percent-encoding. */
export function textParam(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** An `<id>` segment (a match, a tournament, a user): a positive 32-bit integer, or null. */
export function idParam(raw: string): number | null {
  const parsed = matchIdParamSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * The request's URL with every `%` of its path escaped when the path is not valid percent-encoding
 * (`/users/%E0/`): Next answers such a path with a bare 500, whereas escaped it is an ordinary
 * address whose page finds nothing there (textParam, idParam) and shows the 404 page.
 */
export function wellFormedPath(url: string): string {
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  try {
    decodeURIComponent(path);
    return url;
  } catch {
    return path.replaceAll("%", "%25") + url.slice(path.length);
  }
}
