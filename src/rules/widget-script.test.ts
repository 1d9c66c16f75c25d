import { describe, expect, it } from 'vitest';
import { looksVersioned } from './widget-script.js';

// Names as the common bundlers write them (webpack/Parcel hex, Vite/Rollup/esbuild 8-character hashes), and names that are not versions.
describe('looksVersioned: a URL a deploy changes', () => {
  it.each([
    'https://cdn.example.com/assets/index-BdQq_4o_.js',
    'https://cdn.example.com/widget-5XJ2KQ7R.js',
    'https://cdn.example.com/static/js/main.3f2a9c1b.js',
    'https://cdn.example.com/static/js/main.3f2a9c1b.chunk.js',
    'https://cdn.example.com/widget.a1b2c3d4e5f6a7b8.min.js',
    'https://cdn.example.com/widget.js?v=42',
    'https://cdn.example.com/widget.js?hash=ab12cd',
    'https://cdn.example.com/v1.4.2/widget.js',
    'https://cdn.jsdelivr.net/npm/acme-widget@2.1.0/dist/widget.js',
  ])('%s is versioned', (url) => expect(looksVersioned(url)).toBe(true));

  it.each([
    'https://cdn.example.com/widget.js',
    'https://cdn.example.com/widget.min.js',
    'https://cdn.example.com/widget-loader.js',
    'https://cdn.example.com/embed-v2.js',
    'https://cdn.example.com/storefront-widget.js',
    'https://cdn.example.com/widget.js?shop=demo.myshopify.com',
    'https://cdn.example.com/v1/widget.js',
  ])('%s is not versioned', (url) => expect(looksVersioned(url)).toBe(false));
});
