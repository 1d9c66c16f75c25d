import { judgementTable } from '../../test/helpers/judgement-table.js';
import { readRecordings } from '../../test/helpers/observations.js';
import check from './dns-records.js';

// The fixture resolvers listen on loopback ports of their own; the rows that ask fewer of them take their addresses from the recording.
const [primary, lagging] = (readRecordings(check.id)['still propagating']?.options?.resolvers ?? []) as string[];

judgementTable(check, [
  {
    scenario: 'resolves everywhere',
    status: 'pass',
    message: '2 host name(s) resolve from 2 resolver(s)',
    evidence: { 'api.shop.test': { verdict: 'pass', message: 'resolves to 104.18.32.10 via CNAME shop-api.up.railway.test' } },
  },
  { scenario: 'resolves everywhere', options: { resolvers: [lagging] }, status: 'pass', message: '2 host name(s) resolve from 1 resolver(s)' },
  {
    scenario: 'names do not exist',
    status: 'fail',
    message:
      /^hooks\.shop\.test: A\/AAAA: does not resolve \(127\.0\.0\.1:\d+: NXDOMAIN \(no such name\)\); legal\.shop\.test: A\/AAAA: does not resolve \(127\.0\.0\.1:\d+: NXDOMAIN \(no such name\)\)$/,
  },
  { scenario: 'still propagating', status: 'warn', message: /^new\.shop\.test: A\/AAAA: not resolving everywhere yet: 127\.0\.0\.1:\d+: NXDOMAIN \(no such name\)$/ },
  // The same answers, asking only the resolver that has the record, or only the one that has not seen it yet.
  { scenario: 'still propagating', options: { resolvers: [primary] }, status: 'pass', message: '1 host name(s) resolve from 1 resolver(s)' },
  {
    scenario: 'still propagating',
    options: { resolvers: [lagging] },
    status: 'fail',
    message: /^new\.shop\.test: A\/AAAA: does not resolve \(127\.0\.0\.1:\d+: NXDOMAIN \(no such name\)\)$/,
  },
  {
    scenario: 'private address',
    status: 'warn',
    message: 'internal.shop.test: A/AAAA: resolves to private or loopback addresses (10.0.4.2): unreachable from the internet',
  },
  // Passed before: only private, loopback and link-local ranges were known (IANA special-purpose registries now).
  {
    scenario: 'documentation addresses',
    status: 'fail',
    message: 'docs.shop.test: A/AAAA: resolves to addresses no server can be reached at: 192.0.2.10 (Documentation (TEST-NET-1), RFC 5737), 2001:db8::10 (Documentation, RFC 3849)',
  },
  { scenario: 'multicast address', status: 'fail', message: 'group.shop.test: A/AAAA: resolves to addresses no server can be reached at: 224.0.0.251 (Multicast, RFC 5771)' },
  { scenario: 'public and TEST-NET-2 addresses', status: 'fail', message: 'mixed.shop.test: A/AAAA: resolves to addresses no server can be reached at: 198.51.100.7 (Documentation (TEST-NET-2), RFC 5737)' },
  { scenario: 'servfail', status: 'error', message: /^broken\.shop\.test: could not resolve broken\.shop\.test via 127\.0\.0\.1:\d+: the server failed \(SERVFAIL\)$/ },
  // Live, the per-try timeout (300 ms) or the total one (400 ms) fires first depending on load: either may be recorded.
  { scenario: 'resolver silent', status: 'error', message: /^slow\.shop\.test: no DNS answer for slow\.shop\.test from 127\.0\.0\.1:\d+ within (300|400) ms$/ },
  { scenario: 'ip and localhost', status: 'skip', message: 'no host name to resolve: 127.0.0.1, localhost are IP addresses or localhost' },
]);
