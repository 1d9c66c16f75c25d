import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './image-optimization.js';

judgementTable(check, [
  { scenario: 'modern formats, long-lived caching', status: 'pass', message: '3 image(s) served as AVIF/WebP with long-lived caching' },
  { scenario: 'modern formats, long-lived caching', options: { minMaxAgeDays: 400 }, status: 'warn', message: /max-age 365 day\(s\) is under 400 day\(s\)/ },
  { scenario: 'short max-age', options: { minMaxAgeDays: 0.01 }, status: 'pass', message: '1 image(s) served as AVIF/WebP with long-lived caching' },
  { scenario: 'jpeg only', status: 'fail', message: /served as image\/jpeg to a client that accepts AVIF and WebP$/ },
  { scenario: 'mislabelled bytes', status: 'fail', message: /the bytes are jpeg/ },
  { scenario: 'negotiated without vary', status: 'warn', message: /without Vary: Accept/ },
  { scenario: 'image host down', status: 'error', message: /connection refused/ },
]);
