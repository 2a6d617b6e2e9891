import { describe, expect, it, vi } from 'vitest';
import { groupAll } from './';
import { ARTICLES, HIGHLIGHTS } from '../../tests/support/library';
import { createDownload, exportFile, exportFileName, revokeDownload } from './download';
import { annotationsExport, markdownExport } from './export-files';

const AT = new Date('2024-05-01T23:30:00.000Z');

describe('export files', () => {
  it('names each kind by the UTC day, like the backup', () => {
    expect(exportFileName('backup', AT)).toBe('policy-lens-backup-2024-05-01.json');
    expect(exportFileName('markdown', AT)).toBe('policy-lens-highlights-2024-05-01.md');
    expect(exportFileName('annotations', AT)).toBe('policy-lens-annotations-2024-05-01.jsonld');
  });

  it('makes a Blob URL holding the text, revoked when asked', async () => {
    let blob: Blob | undefined;
    const urls = { createObjectURL: vi.fn((b: Blob) => ((blob = b), 'blob:x')), revokeObjectURL: vi.fn() };
    const d = createDownload(exportFile('backup', '{"a":"医保"}\n', AT), urls);
    expect(d).toEqual({
      kind: 'backup',
      fileName: 'policy-lens-backup-2024-05-01.json',
      url: 'blob:x',
      bytes: new TextEncoder().encode('{"a":"医保"}\n').length,
    });
    expect(blob!.type).toBe('application/json;charset=utf-8');
    expect(await blob!.text()).toBe('{"a":"医保"}\n');
    revokeDownload(d, urls);
    revokeDownload(null, urls);
    expect(urls.revokeObjectURL).toHaveBeenCalledExactlyOnceWith('blob:x');
  });

  it('exports the groups given as Markdown (with the reader’s colour names) and as Web Annotations', () => {
    const groups = groupAll(HIGHLIGHTS, ARTICLES).filter((g) => g.key === 'corpus:a_00000000000000b2');
    const md = markdownExport(groups, { pink: '立场' }, AT);
    expect(md.fileName).toBe('policy-lens-highlights-2024-05-01.md');
    expect(md.text).toContain('**立场**');
    expect(md.text).not.toContain('万亿');
    const anno = annotationsExport(groups, AT);
    const parsed = JSON.parse(anno.text) as { total: number; created: string };
    expect(parsed).toMatchObject({ total: 1, created: AT.toISOString() });
  });
});
