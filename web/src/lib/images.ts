// What the browser checks before sending an image to catalog (which checks it all again: type by its content,
// size, dimensions, then strips and re-encodes it). A photo over the limit is first made smaller here, as a
// phone's photos (3 to 6 Mo) usually are: drawn on a canvas at 2,400 pixels at most and saved as JPEG.
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024 - 16 * 1024;
export const ACCEPTED_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_TYPES.join(",");
const LARGEST_SIDE = 2400;

export class ImageChoiceError extends Error {}

export function refusal(file: { type: string; name: string; size: number }): string | null {
  const svg = file.type === "image/svg+xml" || /\.svgz?$/i.test(file.name);
  if (svg) return "Les images SVG ne sont pas acceptées (elles peuvent contenir du code) : choisis un fichier JPEG, PNG ou WebP.";
  if (!(ACCEPTED_TYPES as readonly string[]).includes(file.type)) return "Ce fichier n'est pas une image JPEG, PNG ou WebP.";
  return null;
}

/** The file to send: the chosen one, or a smaller JPEG of it when it weighs more than the limit. */
export async function imageToSend(file: File): Promise<Blob> {
  const refused = refusal(file);
  if (refused) throw new ImageChoiceError(refused);
  if (file.size <= MAX_IMAGE_BYTES) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ImageChoiceError("Cette image est illisible : ouvre-la et enregistre-la à nouveau, puis choisis-la ici.");
  }
  const scale = Math.min(1, LARGEST_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const smaller = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.86));
  if (!smaller || smaller.size > MAX_IMAGE_BYTES) {
    throw new ImageChoiceError("Cette image pèse plus de 2 Mo, même réduite : exporte-la en JPEG plus léger, puis choisis-la ici.");
  }
  return smaller;
}
