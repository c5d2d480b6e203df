// File sizes and names for attachments.

const UNITS = ['KB', 'MB', 'GB', 'TB'];

/**
 * Bytes as a short human-readable size in binary units: 512 → "512 B",
 * 1536 → "1.5 KB", 1258291 → "1.2 MB". One decimal below 100 of a unit,
 * none above; a trailing ".0" is dropped.
 */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  // Move up while the rounded figure would read 1024 or more of this unit.
  while (unit < UNITS.length - 1 && Math.round(value) >= 1024) {
    value /= 1024;
    unit += 1;
  }
  const text = value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return `${text} ${UNITS[unit]}`;
}

/** The last segment of a path, whichever separator the platform uses. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
