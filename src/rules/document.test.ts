import { describe, expect, it } from 'vitest';
import { judgeDocument, needsNamed, placeholderIn, topicSection, type DocumentSpec } from './document.js';
import { markdownBlocks, namesPhrase, wholeDocument } from './document-markdown.js';
import { judgeRecord, recordDates, type RecordSpec } from './document-record.js';

const SPEC: DocumentSpec = {
  topic: 'incident response plan',
  minWords: 20,
  headings: [
    { need: 'severity levels', any: ['severity', 'sev', 'priority'] },
    { need: 'roles', any: ['role', 'incident commander', 'on call'] },
    { need: 'post-mortem', any: ['post mortem', 'postmortem', 'retrospective'] },
  ],
};

const PROSE = 'The on-call engineer acknowledges the page within five minutes and opens the incident channel for everyone.';
const COMPLETE = `# Incident response\n\n${PROSE}\n\n## Severity levels\n\nSEV1 means checkout is down for everyone.\n\n## Roles\n\nThe incident commander leads and delegates.\n\n## Post-mortems\n\nWritten within five days, blameless.\n`;

function judge(text: string, spec: DocumentSpec = SPEC) {
  return judgeDocument(wholeDocument(markdownBlocks(text)), spec);
}
function statusOf(text: string, subject: string, spec: DocumentSpec = SPEC) {
  return judge(text, spec).find((j) => j.subject === subject);
}

describe('markdownBlocks: headings come from the Markdown lexer', () => {
  it('reads ATX and setext headings with their lines, and never a # inside code', () => {
    const blocks = markdownBlocks('Intro text\n\nSeverity\n========\n\n```sh\n# Roles: not a heading\n```\n\n- ## not a top-level heading either\n\n### [Post-mortem](https://x.example/pm) *template*\n');
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => [b.depth, b.text, b.line])).toEqual([
      [1, 'Severity', 3],
      [3, 'Post-mortem template', 12],
    ]);
  });

  it('counts what a reader reads: link text yes, link targets, inline code and code blocks no', () => {
    const [block] = markdownBlocks('See [the runbook](https://wiki.example/a/very/long/path) and run `npm run restore --all`.');
    expect(block!.text.split(/\s+/).filter(Boolean)).toEqual(['See', 'the', 'runbook', 'and', 'run', '.']);
  });

  it('blanks YAML front matter, whose closing --- would otherwise make a setext heading, keeping line numbers', () => {
    const blocks = markdownBlocks('---\ntitle: Incident response\nsidebar: ops\n---\n\n# Incident response\n\ntext\n');
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => [b.text, b.line])).toEqual([['Incident response', 6]]);
  });

  it('keeps line numbers across CRLF line ends', () => {
    const blocks = markdownBlocks('# A\r\n\r\ntext\r\n\r\n## B\r\n');
    expect(blocks.map((b) => b.line)).toEqual([1, 3, 5]);
  });
});

describe('namesPhrase: heading words matched at their start', () => {
  it.each([
    ['Escalation matrix', 'escalat', true],
    ['Post-Mortems', 'post mortem', true],
    ['On-call rotation', 'on call', true],
    ['Incident Commander', 'incident commander', true],
    ['Sévérité', 'severit', true],
    ['Persevering', 'sev', false],
    ['Commander of incidents', 'incident commander', false],
    ['', 'role', false],
  ])('%j names %j: %s', (heading, phrase, expected) => {
    expect(namesPhrase(heading, phrase)).toBe(expected);
  });
});

describe('judgeDocument', () => {
  it('passes a complete document, naming the heading found for each need', () => {
    const judgements = judge(COMPLETE);
    expect(judgements.every((j) => j.status === 'pass')).toBe(true);
    expect(statusOf(COMPLETE, 'headings')?.message).toBe('severity levels: "Severity levels"; roles: "Roles"; post-mortem: "Post-mortems"');
  });

  it('fails a stub by its word count', () => {
    expect(statusOf('# Incident response\n\nWe will write this.\n', 'content')).toMatchObject({ status: 'fail', message: 'a stub: 4 words of prose (at least 20 expected)' });
  });

  it('names exactly the missing headings, with the words that would count', () => {
    const text = `# Incident response\n\n${PROSE}\n\n## Severity\n\nSEV1 means checkout is down.\n`;
    expect(statusOf(text, 'headings')).toMatchObject({
      status: 'fail',
      message: 'missing roles (a heading naming "role", "incident commander", "on call"); post-mortem (a heading naming "post mortem", "postmortem", "retrospective")',
    });
  });

  it('does not count the title as a section: "Incident roles and post-mortems" as the title names nothing', () => {
    const text = `# Incident roles, severity and post-mortems\n\n${PROSE}\n`;
    expect(statusOf(text, 'headings')?.message).toMatch(/^missing severity levels .*; roles .*; post-mortem/);
  });

  it('takes the first heading as the title even below a badge line or an HTML comment', () => {
    const text = `<!-- maintained by ops -->\n[![status](https://x.example/b.svg)](https://x.example)\n\n# Incident roles, severity and post-mortems\n\n${PROSE}\n`;
    expect(statusOf(text, 'headings')?.message).toMatch(/^missing severity levels .*; roles .*; post-mortem/);
  });

  it('fails a heading with nothing under it, naming it and its line', () => {
    const text = COMPLETE.replace('The incident commander leads and delegates.', '');
    expect(statusOf(text, 'sections')).toMatchObject({ status: 'fail', message: 'nothing under roles ("Roles", line 9)' });
  });

  it('counts a code block or a subsection as content of a heading', () => {
    const text = COMPLETE.replace('The incident commander leads and delegates.', '```\nIC: the on-call engineer\n```').replace('## Post-mortems\n\nWritten within five days, blameless.', '## Post-mortems\n\n### Template\n\nTimeline, cause, actions and owners.');
    expect(judge(text).filter((j) => j.status !== 'pass')).toEqual([]);
  });

  it('lists placeholders with their lines, in prose and headings, but not in code', () => {
    const text = `${COMPLETE}\n## Communication (TBD)\n\nTODO: ask legal. Lorem ipsum dolor.\n\n\`\`\`\nTODO in a template is the template's business\n\`\`\`\n\nRun \`grep TODO\` before release.\n`;
    expect(statusOf(text, 'placeholders')).toMatchObject({ status: 'fail', message: 'unfinished: TBD on line 17, TODO on line 19' });
  });

  it.each([
    ['TODO', 'TODO'],
    ['FIXME: wording', 'FIXME'],
    ['Details to be written.', 'to be written'],
    ['Full guide Coming Soon', 'coming soon'],
    ['a todo list app', undefined],
    ['the tbd column', undefined],
  ])('placeholderIn(%j) → %j', (line, expected) => {
    expect(placeholderIn(line)).toBe(expected);
  });

  it('requires a code block where the spec asks for one', () => {
    const spec = { ...SPEC, codeBlock: 'the embed snippet' };
    expect(statusOf(COMPLETE, 'code', spec)).toMatchObject({ status: 'fail', message: 'no code block: the embed snippet should be there to copy' });
    expect(statusOf(`${COMPLETE}\n    <script src="x.js"></script>\n`, 'code', spec)?.status).toBe('pass');
  });
});

describe('topicSection: a document inside a larger file', () => {
  const README = `# Shop\n\nInstall with npm.\n\n## Incident response\n\n${PROSE}\n\n### Severity\n\nSEV1 is an outage.\n\n### Roles\n\nThe commander leads.\n\n## Contributing\n\n### Post-mortems of pull requests\n\nNot part of the plan.\n`;

  it('judges from the heading naming the topic down to the next heading at its level', () => {
    const section = topicSection(markdownBlocks(README), ['incident response'])!;
    expect(section.heading?.text).toBe('Incident response');
    expect(needsNamed(section, SPEC)).toBe(2);
    expect(judgeDocument(section, SPEC).find((j) => j.subject === 'headings')?.message).toMatch(/^missing post-mortem/);
  });

  it('skips headings naming a neighbouring topic', () => {
    const blocks = markdownBlocks('# Migration rollback\n\ntext\n\n## Deploy rollback\n\ntext\n');
    expect(topicSection(blocks, ['rollback'], ['migrat'])?.heading?.text).toBe('Deploy rollback');
    expect(topicSection(blocks, ['escalat'])).toBeUndefined();
  });
});

describe('judgeRecord: the dated drill record of a runbook', () => {
  const RECORD: RecordSpec = { what: 'restore test', headings: ['restore log', 'drill'] };
  const NOW = new Date('2026-12-01T12:00:00Z');
  const record = (text: string, maxAgeDays = 90) => judgeRecord(wholeDocument(markdownBlocks(text)), RECORD, NOW, maxAgeDays);

  it('takes the latest real date of a log section, tables included', () => {
    const text = '# Backups\n\nKept 2020-01-01 style.\n\n## Restore log\n\n| date | what |\n|---|---|\n| 2026-08-05 | db |\n| 2026-11-02 | db and S3 |\n| 2026-02-30 | not a day |\n';
    expect(record(text)).toMatchObject({ status: 'pass', message: 'restore test recorded on 2026-11-02 (line 10, 29 days ago)' });
  });

  it('reads a "Last tested" line anywhere, but not a date elsewhere in the prose', () => {
    expect(record('# Backups\n\nLast restore tested on 2026-10-01 by Jane.\n').message).toMatch(/recorded on 2026-10-01/);
    expect(record('# Backups\n\nSnapshots since 2026-11-30 are kept.\n').status).toBe('manual');
    expect(record('# Backups\n\nLast run of the nightly backup job: 2026-11-30.\n').status).toBe('manual');
  });

  it('fails a stale record, is manual without one, and warns on one only in the future', () => {
    expect(record('# B\n\n## Drill\n\n- 2025-01-10 restored\n')).toMatchObject({ status: 'fail', message: 'the last restore test recorded is dated 2025-01-10 (line 5), 690 days ago (limit 90)' });
    expect(record('# B\n\n## Drill\n\n- 2025-01-10 restored\n', 1000).status).toBe('pass');
    expect(record('# B\n\nNo drill yet.\n')).toMatchObject({ status: 'manual', message: /^no dated restore test record \(a "restore log" section/ });
    expect(record('# B\n\n## Drill\n\n- 2027-06-01 planned\n').status).toBe('warn');
  });

  it('collects every dated line once', () => {
    const dates = recordDates(wholeDocument(markdownBlocks('# B\n\n## Restore log\n\nLast tested: 2026-11-02 (and 2026-11-03)\n')), RECORD);
    expect(dates.map((d) => d.date)).toEqual(['2026-11-02', '2026-11-03']);
  });
});
