/**
 * Folds Vietnamese text to lower-case ASCII for accent-insensitive matching and slugs.
 * NFD splits most diacritics into combining marks; đ/Đ is a separate letter, not a composed one,
 * so it needs its own mapping.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** A URL slug from a Vietnamese name: "Trần Hưng Đạo" → "tran-hung-dao". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
