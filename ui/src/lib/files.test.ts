import { describe, expect, it } from 'vitest';
import { baseName, formatFileSize } from './files';

describe('formatFileSize', () => {
  it('shows small files in bytes', () => {
    expect(formatFileSize(0)).toBe('0 B');
    expect(formatFileSize(1)).toBe('1 B');
    expect(formatFileSize(1023)).toBe('1023 B');
  });

  it('uses binary units with one decimal, dropping ".0"', () => {
    expect(formatFileSize(1024)).toBe('1 KB');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(1258291)).toBe('1.2 MB');
    expect(formatFileSize(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatFileSize(3 * 1024 ** 3)).toBe('3 GB');
  });

  it('drops the decimal from 100 upwards', () => {
    expect(formatFileSize(512 * 1024)).toBe('512 KB');
    expect(formatFileSize(150.4 * 1024 * 1024)).toBe('150 MB');
  });

  it('moves to the next unit instead of showing 1024', () => {
    expect(formatFileSize(1024 * 1024 - 1)).toBe('1 MB');
    expect(formatFileSize(1024 * 1024 - 60)).toBe('1 MB');
  });

  it('returns nothing for impossible sizes', () => {
    expect(formatFileSize(-1)).toBe('');
    expect(formatFileSize(Number.NaN)).toBe('');
  });
});

describe('baseName', () => {
  it('takes the last segment of Windows and POSIX paths', () => {
    expect(baseName('C:\\Users\\wang\\营业执照.pdf')).toBe('营业执照.pdf');
    expect(baseName('/home/wang/photo.jpg')).toBe('photo.jpg');
    expect(baseName('plain.png')).toBe('plain.png');
  });
});
