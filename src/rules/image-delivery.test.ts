import { describe, expect, it } from 'vitest';
import { AVIF_HEAD, JPEG_1X1, WEBP_1X1 } from '../../fixtures/apps/images.js';
import { sniffImage } from './image-delivery.js';

describe('sniffImage (bytes as the HTTP probe hands them over: UTF-8 text)', () => {
  it.each([
    ['WebP', WEBP_1X1, 'webp'],
    ['AVIF', AVIF_HEAD, 'avif'],
    ['JPEG', JPEG_1X1, 'jpeg'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'png'],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00'), 'gif'],
    ['SVG', Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
    ['HTML', Buffer.from('<!doctype html><title>404</title>'), 'unknown'],
  ])('%s', (_label, bytes, format) => expect(sniffImage(bytes.toString('utf8'))).toBe(format));
});
