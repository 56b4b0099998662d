import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGongwenError, parse, type NoticeRecord, type Span } from '../../src/index.js';
import { corpusDocsDir, fixturesDir, noteWhenSharedAbsent, sharedAvailable, sharedDir } from '../helpers.js';

type Check = [what: string, span: Span, expected: string | undefined];

/** Every span of a record, with the text it must hold where the record states that text. */
function spansOf(record: NoticeRecord): Check[] {
  const checks: Check[] = [];
  const add = (what: string, span: Span | undefined, expected?: string): void => {
    if (span) checks.push([what, span, expected]);
  };
  if (record.docNumber) add('docNumber', record.docNumber.span, record.docNumber.raw);
  if (record.recipients) add('recipients', record.recipients.span, record.recipients.raw);
  for (const cited of record.citedDocuments) {
    add('cited number', cited.docNumber.span, cited.docNumber.raw);
    add('cited title', cited.titleSpan);
  }
  for (const attachment of record.attachments) add('attachment', attachment.span, attachment.raw);
  for (const occurrence of record.contacts.occurrences) add('contact', occurrence.span, occurrence.raw);
  for (const person of record.contacts.people) add('person', person.span, person.name);
  const { issuers, ...single } = record.provenance;
  for (const [field, evidence] of Object.entries(single)) add(`provenance.${field}`, evidence?.span, evidence?.raw);
  for (const evidence of issuers) add('provenance.issuer', evidence.span, evidence.raw);
  for (const field of record.metadata) {
    add('metadata label', field.labelSpan);
    add('metadata value', field.valueSpan, field.value);
  }
  for (const block of record.blocks) {
    add(`${block.type} block`, block.span);
    if (block.type === 'table') {
      for (const row of block.rows) {
        add('row', row.span);
        for (const cell of row.cells) add('cell', cell.span);
      }
    }
  }
  for (const part of record.parts) add(`${part.kind} part`, part.span);
  for (const unit of record.units) {
    add('unit', unit.span, unit.raw);
    for (const mention of unit.mentions) add('unit mention', mention.span, mention.raw);
  }
  for (const quota of record.quotas) add('quota', quota.span, quota.raw);
  for (const deadline of record.deadlines) add('deadline', deadline.span, deadline.raw);
  for (const task of record.tasks) {
    add('task', task.span, task.raw);
    for (const mention of task.units) add('task unit', mention.span, mention.raw);
  }
  return checks;
}

function expectSpansHold(record: NoticeRecord): void {
  for (const [what, [start, end], expected] of spansOf(record)) {
    expect(start <= end && end <= record.text.length, `${what} [${start}, ${end}) lies within the text`).toBe(true);
    if (expected !== undefined) expect(record.text.slice(start, end), what).toBe(expected);
  }
  for (const task of record.tasks) {
    for (const index of task.quotas) expect(record.quotas[index], `quota ${index} of task ${task.id}`).toBeDefined();
    for (const index of task.deadlines) expect(record.deadlines[index], `deadline ${index} of task ${task.id}`).toBeDefined();
  }
  for (let i = 1; i < record.blocks.length; i += 1) {
    expect(record.blocks[i]!.span[0], 'blocks are in order and do not overlap').toBeGreaterThanOrEqual(record.blocks[i - 1]!.span[1]);
  }
}

const fixtureFiles = readdirSync(join(fixturesDir, 'notices')).map((name) => join(fixturesDir, 'notices', name));

describe('every span of a record points at its text', () => {
  it.each(fixtureFiles)('%s', async (path) => {
    expectSpansHold(await parse(path));
  });
});

noteWhenSharedAbsent('the span check on the corpus');

describe.skipIf(!sharedAvailable)('every span of a corpus or seed record points at its text', () => {
  const corpusFiles = sharedAvailable
    ? [corpusDocsDir, join(sharedDir, 'seeds')]
        .flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && /\.(txt|html?|docx|pdf)$/i.test(entry.name))
        .map((entry) => join(entry.parentPath, entry.name))
        .sort()
    : [];
  it.each(corpusFiles)('%s', async (path) => {
    try {
      expectSpansHold(await parse(path));
    } catch (error) {
      if (!isGongwenError(error) || error.code === 'E_INTERNAL') throw error;
    }
  });
});
