import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'testing.mobile-responsiveness',
  section: 'testing',
  item: 'Mobile responsiveness verified',
  severity: 'medium',
  verifies: 'The dashboard and the widget render and work on phone-sized screens (360-430 px wide) without horizontal overflow or unusable controls.',
  attestation: 'Screenshots of the widget on a storefront product page and of the main dashboard pages at 375 px (iPhone) and 360 px (Android) widths, from real devices or BrowserStack/devtools, with known issues listed.',
  remediation: 'Test in Chrome devtools device mode and on a real phone, fix layouts with responsive CSS (flex/grid, max-width, media queries), make tap targets at least 44 px, and add a mobile viewport project to Playwright.',
});
