import type { RgbImage } from './png';

/**
 * The skill's icon, drawn by the project: a white shopping bag on the store's green, with a voice
 * level meter cut into it. Shapes are signed distances in a unit square (negative inside), so the
 * same drawing gives every size Alexa asks for (108 and 512 pixels), anti-aliased by sampling each
 * pixel on a 4 × 4 grid.
 */

type Rgb = readonly [number, number, number];
type Distance = (x: number, y: number) => number;

const GREEN: Rgb = [0x1d, 0x5a, 0x46];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SAMPLES = 4;

function roundedBox(cx: number, cy: number, halfWidth: number, halfHeight: number, radius: number): Distance {
  return (x, y) => {
    const qx = Math.abs(x - cx) - halfWidth + radius;
    const qy = Math.abs(y - cy) - halfHeight + radius;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

/** A bag that widens towards its bottom: a trapezoid from `top` to `bottom`. */
function bag(cx: number, top: number, bottom: number, topHalfWidth: number, bottomHalfWidth: number): Distance {
  return (x, y) => {
    const halfWidth = topHalfWidth + ((y - top) / (bottom - top)) * (bottomHalfWidth - topHalfWidth);
    return Math.max(Math.abs(x - cx) - halfWidth, top - y, y - bottom);
  };
}

/** The upper half of a ring: the bag's handle. */
function handle(cx: number, cy: number, radius: number, halfThickness: number): Distance {
  return (x, y) => (y > cy ? Math.hypot(x - cx - Math.sign(x - cx) * radius, y - cy) : Math.abs(Math.hypot(x - cx, y - cy) - radius)) - halfThickness;
}

/** Painted in order: the last layer that covers a point gives its colour. */
const LAYERS: readonly { readonly shape: Distance; readonly colour: Rgb }[] = [
  { shape: bag(0.5, 0.38, 0.8, 0.23, 0.28), colour: WHITE },
  { shape: handle(0.5, 0.38, 0.085, 0.02), colour: WHITE },
  { shape: roundedBox(0.41, 0.6, 0.022, 0.06, 0.022), colour: GREEN },
  { shape: roundedBox(0.5, 0.6, 0.022, 0.1, 0.022), colour: GREEN },
  { shape: roundedBox(0.59, 0.6, 0.022, 0.06, 0.022), colour: GREEN },
];

function colourAt(x: number, y: number): Rgb {
  let colour = GREEN;
  for (const layer of LAYERS) if (layer.shape(x, y) <= 0) colour = layer.colour;
  return colour;
}

/** Whether a pixel lies wholly inside or outside every shape: no edge within `margin` of its centre. */
function awayFromEdges(x: number, y: number, margin: number): boolean {
  return LAYERS.every((layer) => Math.abs(layer.shape(x, y)) > margin);
}

export function drawIcon(size: number): RgbImage {
  const pixels = Buffer.alloc(size * size * 3);
  // A pixel is at most 0.71 pixels from its centre; the shapes' distances are exact or close to it.
  const margin = 1.5 / size;
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const x = (column + 0.5) / size;
      const y = (row + 0.5) / size;
      if (awayFromEdges(x, y, margin)) {
        colourAt(x, y).forEach((value, channel) => (pixels[(row * size + column) * 3 + channel] = value));
        continue;
      }
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = colourAt((column + (sx + 0.5) / SAMPLES) / size, (row + (sy + 0.5) / SAMPLES) / size);
          for (let channel = 0; channel < 3; channel += 1) sum[channel]! += colour[channel]!;
        }
      }
      for (let channel = 0; channel < 3; channel += 1) pixels[(row * size + column) * 3 + channel] = Math.round(sum[channel]! / (SAMPLES * SAMPLES));
    }
  }
  return { width: size, height: size, pixels };
}
