import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoticeRecordSchema, noticeJsonSchema, parse } from '../../src/index.js';
import { fixturesDir, repositoryRoot } from '../helpers.js';

describe('the record schema', () => {
  it('is published in schema/notice.schema.json exactly as `gongwen schema` prints it', () => {
    const published = JSON.parse(readFileSync(join(repositoryRoot, 'schema', 'notice.schema.json'), 'utf8'));
    expect(published).toEqual(noticeJsonSchema());
  });

  it('states the output contract of ANNOTATION.md', () => {
    const schema = noticeJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    for (const field of ['title', 'docType', 'docNumber', 'issuers', 'recipients', 'signDate', 'publishDate', 'printDate', 'citedDocuments', 'attachments', 'contacts', 'units', 'quotas', 'deadlines', 'tasks']) {
      expect(schema.required).toContain(field);
    }
  });

  it.each(readdirSync(join(fixturesDir, 'notices')))('still validates the record of fixture %s after a round trip through JSON', async (name) => {
    const record = await parse(join(fixturesDir, 'notices', name));
    expect(NoticeRecordSchema.safeParse(JSON.parse(JSON.stringify(record))).success).toBe(true);
    for (const list of [record.units, record.quotas, record.deadlines, record.tasks]) expect(list.length).toBeGreaterThan(0);
  });
});
