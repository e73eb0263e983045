// How big the Pong field is drawn: the largest box of the field's shape that fits the room the
// match screen leaves for it, in whole CSS pixels so the canvas edges stay crisp. Pure.

export interface Size {
  width: number;
  height: number;
}

/** The largest size of the given aspect ratio (width / height) inside `available`; 0×0 when there is no room. */
export function fitField(available: Size, aspect: number): Size {
  const room = { width: finiteOrZero(available.width), height: finiteOrZero(available.height) };
  if (!(aspect > 0) || !Number.isFinite(aspect)) return { width: 0, height: 0 };
  const width = Math.floor(Math.min(room.width, room.height * aspect));
  return { width, height: Math.floor(width / aspect) };
}

const finiteOrZero = (value: number) => (Number.isFinite(value) ? Math.max(0, value) : 0);
