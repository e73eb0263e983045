// Socket.IO middleware, before the session check: a handshake from another site's page (which
// would ride on the user's cookie) is refused. Websockets are not bound by CORS, so this is the guard.
import type { Socket } from "socket.io";
import { FORBIDDEN_ORIGIN, originAllowed } from "../origin";

/** Refuses with connect_error "forbidden_origin" when the handshake's Origin is not the site's own (or one of `allowed`). */
export function checkSocketOrigin(allowed: readonly string[]) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    const { origin, host } = socket.request.headers;
    if (originAllowed(origin, host, allowed)) next();
    else next(Object.assign(new Error(FORBIDDEN_ORIGIN.code), { data: { ...FORBIDDEN_ORIGIN } }));
  };
}
