import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-at.monitor-logs',
  section: 'launch-at',
  item: 'Monitor logs in real-time',
  severity: 'medium',
  verifies: 'Someone is watching live logs from each service during launch and reacting to errors.',
  attestation: 'Name of the person watching and the time window (e.g. 14:00-15:00 UTC), the tool used (`railway logs --service api` or a Log Explorer live tail filtered to errors), and notes of anything notable seen, in the launch log.',
  remediation: 'Assign a log watcher per service, open live tails filtered to warnings and errors, and post observations in the launch channel.',
});
