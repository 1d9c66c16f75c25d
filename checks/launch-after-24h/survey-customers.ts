import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-after-24h.survey-customers',
  section: 'launch-after-24h',
  item: 'Survey early customers',
  severity: 'low',
  verifies: 'Early merchants were asked about their experience and their answers are collected.',
  attestation: 'Link to the survey (Typeform, Google Forms) or interview notes, the number of merchants contacted and responses received, and a summary of the main findings.',
  remediation: 'Send a short survey (3-5 questions) to merchants who installed on day one, or book calls with a few of them, and summarise the results.',
});
