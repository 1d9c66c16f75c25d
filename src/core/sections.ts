/**
 * The checklist's sections in the seed's order. `heading` is the seed's own heading text (emoji removed),
 * so the catalog test can tie every check back to the line it came from.
 */
export const SECTIONS = [
  { id: 'security', title: 'Security', heading: 'Security' },
  { id: 'database', title: 'Database', heading: 'Database' },
  { id: 'testing', title: 'Testing', heading: 'Testing' },
  { id: 'deployment', title: 'Deployment', heading: 'Deployment' },
  { id: 'monitoring', title: 'Monitoring & Logging', heading: 'Monitoring & Logging' },
  { id: 'cost', title: 'Cost Management', heading: 'Cost Management' },
  { id: 'infrastructure', title: 'Infrastructure', heading: 'Infrastructure' },
  { id: 'integration', title: 'Integration', heading: 'Integration' },
  { id: 'documentation', title: 'Documentation', heading: 'Documentation' },
  { id: 'operational', title: 'Operational', heading: 'Operational' },
  { id: 'final', title: 'Final Checks', heading: 'Final Checks' },
  { id: 'launch-before', title: 'Launch day: 1 hour before launch', heading: '1 Hour Before Launch' },
  { id: 'launch-at', title: 'Launch day: at launch', heading: 'At Launch' },
  { id: 'launch-after-1h', title: 'Launch day: 1 hour after launch', heading: '1 Hour After Launch' },
  { id: 'launch-after-24h', title: 'Launch day: 24 hours after launch', heading: '24 Hours After Launch' },
  { id: 'signoff', title: 'Sign-off', heading: 'Sign-off:' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];
export const SECTION_IDS: readonly SectionId[] = SECTIONS.map((s) => s.id);

export function sectionTitle(id: string): string {
  return SECTIONS.find((s) => s.id === id)?.title ?? id;
}

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}
